package app.haven.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The smoke run's guard against regressions. Timings on two shared cores are noisy, so it fails only
 * on a collapse: throughput below a tenth of the committed baseline, a median ten times the
 * baseline's and over 50 ms more, a start ten times slower, errors above 5% of operations (Reactor
 * Netty 1.3.6 leaves up to about 1% of keep-alive requests unanswered, reactor-netty#4361), or a
 * delivery or connection lost.
 */
final class SmokeBaseline {

    private static final double COLLAPSE = 10;
    private static final double SLACK_MS = 50;

    private SmokeBaseline() {
    }

    static void update(Run run, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(run.summary()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The collapses found; empty when the run is within bounds. */
    static List<String> collapses(Run run, Path file) {
        JsonNode baseline;
        try {
            baseline = Http.JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> collapses = new ArrayList<>();
        Map<String, Map<String, Double>> now = run.summary();
        run.measurements().forEach((key, m) -> {
            JsonNode before = baseline.path(key);
            if (before.isMissingNode()) {
                return;
            }
            double rate = before.path("perSecond").asDouble();
            if (m.perSecond() < rate / COLLAPSE) {
                collapses.add(Run.format("%s: %.0f/s, baseline %.0f/s", m.name(), m.perSecond(), rate));
            }
            double median = before.path("p50Ms").asDouble();
            if (m.percentileMs(50) > median * COLLAPSE && m.percentileMs(50) > median + SLACK_MS) {
                collapses.add(Run.format("%s: p50 %.1f ms, baseline %.1f ms", m.name(), m.percentileMs(50), median));
            }
            if (m.errors() > m.operations() / 20) {
                collapses.add(Run.format("%s: %d errors in %d operations (%s)", m.name(), m.errors(), m.operations(), m.firstError()));
            }
        });
        double start = baseline.path("coldStart").path("seconds").asDouble();
        if (now.get("coldStart").get("seconds") > start * COLLAPSE) {
            collapses.add(Run.format("cold start %.1f s, baseline %.1f s", now.get("coldStart").get("seconds"), start));
        }
        run.failures().forEach((key, failure) -> collapses.add(key + " failed: " + failure));
        if (run.idle() != null && run.idle().reached() < run.idle().connections()) {
            collapses.add(Run.format("idle connections: a message reached %d of %d", run.idle().reached(), run.idle().connections()));
        }
        return collapses;
    }
}
