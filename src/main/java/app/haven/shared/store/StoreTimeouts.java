package app.haven.shared.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * How long a request waits for a MongoDB that cannot be reached before it fails
 * ({@code haven.stores.unavailable-after}, 5 s): the driver's own default is 30 s, longer than
 * people and load balancers wait, so a request would hang instead of answering 503. Applied after
 * the connection string, so it wins over options there.
 */
@Configuration(proxyBeanMethods = false)
class StoreTimeouts {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer unreachableMongoFailsFast(
            @Value("${haven.stores.unavailable-after:5s}") Duration unavailableAfter) {
        int millis = Math.toIntExact(unavailableAfter.toMillis());
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(millis, TimeUnit.MILLISECONDS));
    }
}
