package app.haven.bench;

import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * What one scenario measured: how many operations completed in how long, how many failed, and
 * their latencies in nanoseconds (HdrHistogram, 3 significant digits).
 */
record Measurement(String name, long operations, long errors, double seconds, Histogram latency, String firstError) {

    double perSecond() {
        return seconds > 0 ? operations / seconds : 0;
    }

    double percentileMs(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMs() {
        return latency.getMaxValue() / 1e6;
    }

    String line() {
        return String.format(Locale.ROOT, "%-34s %9.0f/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  max %7.2f ms  (%d ok, %d errors)",
                name, perSecond(), percentileMs(50), percentileMs(99), percentileMs(99.9), maxMs(), operations, errors)
                + (firstError == null ? "" : "\n  first error: " + firstError);
    }

    static Histogram histogram() {
        return new org.HdrHistogram.ConcurrentHistogram(3_600_000_000_000L, 3);
    }
}
