package app.haven.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import app.haven.bench.LiveScenarios.IdleResult;

/**
 * Everything one run of the harness measured, and how it compares with the targets. A scenario that
 * failed has no measurement (and {@code idle} or {@code restart} may be null); {@code failures}
 * says why, by scenario key; {@code settled} how long Haven took to finish earlier work before
 * each scenario measured.
 */
record Run(Options options, String startedAt, Duration coldStart, long residentAfterStart, long heapAfterStart,
        Duration restart, Map<String, Measurement> measurements, IdleResult idle, Map<String, String> failures,
        Map<String, Duration> settled) {

    record Target(String scenario, String target, String measured, boolean met) {
    }

    List<Target> targets() {
        int idleConnections = options.sizes().idleConnections();
        return List.of(
                target("send", "REST send", "≥ 2,000/s, p99 ≤ 50 ms", Run::perSecondAndP99,
                        send -> send.perSecond() >= 2_000 && send.percentileMs(99) <= 50 && send.errors() == 0),
                target("history", "REST history page", "≥ 4,000/s, p99 ≤ 30 ms", Run::perSecondAndP99,
                        history -> history.perSecond() >= 4_000 && history.percentileMs(99) <= 30 && history.errors() == 0),
                target("fanOut", "RSocket fan-out", "p99 ≤ 25 ms", fanOut -> format("p99 %.1f ms, %,d of %,d deliveries",
                        fanOut.percentileMs(99), fanOut.operations(), fanOut.operations() + fanOut.errors()),
                        fanOut -> fanOut.percentileMs(99) <= 25 && fanOut.errors() == 0),
                idle == null ? notMeasured("idle", format("%,d idle RSocket connections", idleConnections), "heap < 1 GiB")
                        : new Target(format("%,d idle RSocket connections", idle.connections()), "heap < 1 GiB",
                                format("%,d MiB heap after a full collection", idle.heapAfter() >> 20),
                                idle.heapAfter() < (1L << 30) && idle.reached() == idle.connections()),
                target("unread", "unread count", "≤ 10 ms", unread -> format("p50 %.2f ms, p99 %.2f ms",
                        unread.percentileMs(50), unread.percentileMs(99)),
                        unread -> unread.percentileMs(99) <= 10 && unread.errors() == 0),
                new Target("cold start to healthy", "≤ 5 s", format("%.2f s", coldStart.toMillis() / 1000.0),
                        coldStart.compareTo(Duration.ofSeconds(5)) <= 0));
    }

    private Target target(String key, String scenario, String target, Function<Measurement, String> measured,
            Predicate<Measurement> met) {
        Measurement measurement = measurements.get(key);
        return measurement == null ? notMeasured(key, scenario, target)
                : new Target(scenario, target, measured.apply(measurement), met.test(measurement));
    }

    private Target notMeasured(String key, String scenario, String target) {
        return new Target(scenario, target, "not measured: the scenario failed (" + failures.getOrDefault(key, "?") + ")",
                false);
    }

    /** The figures a smoke run compares with its baseline. */
    Map<String, Map<String, Double>> summary() {
        Map<String, Map<String, Double>> summary = new LinkedHashMap<>();
        measurements.forEach((key, m) -> summary.put(key, Map.of("perSecond", round(m.perSecond()),
                "p50Ms", round(m.percentileMs(50)), "p99Ms", round(m.percentileMs(99)), "errors", (double) m.errors())));
        summary.put("coldStart", Map.of("seconds", round(coldStart.toMillis() / 1000.0)));
        if (idle != null) {
            summary.put("idle", Map.of("heapMiB", (double) (idle.heapAfter() >> 20),
                    "residentMiB", (double) (idle.rssAfter() >> 20),
                    "unreached", (double) (idle.connections() - idle.reached())));
        }
        return summary;
    }

    private static String perSecondAndP99(Measurement m) {
        return format("%,.0f/s, p99 %.1f ms%s", m.perSecond(), m.percentileMs(99),
                m.errors() == 0 ? "" : format(", %,d errors", m.errors()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
