package app.haven.shared.operations;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Spring Modulith's observability records {@code module.requests.*} meters with and without an
 * invocation-type tag; Prometheus needs one tag set per meter name, so the missing tag is filled
 * in with {@code none} instead of the meter being dropped.
 */
@Configuration(proxyBeanMethods = false)
class ModuleMetricTags {

    private static final String PREFIX = "module.requests";
    private static final String INVOCATION_TYPE = "module.invocation-type";

    @Bean
    MeterFilter uniformModuleRequestTags() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().startsWith(PREFIX) && id.getTag(INVOCATION_TYPE) == null) {
                    return id.withTags(List.of(Tag.of(INVOCATION_TYPE, "none")));
                }
                return id;
            }
        };
    }
}
