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
 * baseline's and over 50 ms more, a start ten times slower, errors above 5% of operations (a few
 * refused for the moment under load are no collapse), or a delivery or connection lost.
 * <p>
 * The baseline was measured on some machine, and CI runs on whichever machine it gets: one measured
 * a bare RSocket echo seven times and a bare insert four times slower than the baseline's. So Haven's
 * figures are held against the baseline scaled by how much slower this machine is, which the run's
 * own bare echo and insert (no Haven code in them) tell; a machine that is faster scales nothing.
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
        double slower = slowdown(baseline, now);
        System.out.printf("smoke: this machine is %.1f times as slow as the baseline's (bare echo and insert)%n", slower);
        run.measurements().forEach((key, m) -> {
            JsonNode before = baseline.path(key);
            if (before.isMissingNode() || MACHINE.contains(key)) {
                return;
            }
            double rate = before.path("perSecond").asDouble() / slower;
            if (m.perSecond() < rate / COLLAPSE) {
                collapses.add(Run.format("%s: %.0f/s, baseline %.0f/s on this machine", m.name(), m.perSecond(), rate));
            }
            double median = before.path("p50Ms").asDouble() * slower;
            if (m.percentileMs(50) > median * COLLAPSE && m.percentileMs(50) > median + SLACK_MS) {
                collapses.add(Run.format("%s: p50 %.1f ms, baseline %.1f ms on this machine", m.name(),
                        m.percentileMs(50), median));
            }
            if (m.errors() > m.operations() / 20) {
                collapses.add(Run.format("%s: %d errors in %d operations (%s)", m.name(), m.errors(), m.operations(), m.firstError()));
            }
        });
        double start = baseline.path("coldStart").path("seconds").asDouble() * slower;
        if (now.get("coldStart").get("seconds") > start * COLLAPSE) {
            collapses.add(Run.format("cold start %.1f s, baseline %.1f s", now.get("coldStart").get("seconds"), start));
        }
        run.failures().forEach((key, failure) -> collapses.add(key + " failed: " + failure));
        if (run.idle() != null && run.idle().reached() < run.idle().connections()) {
            collapses.add(Run.format("idle connections: a message reached %d of %d", run.idle().reached(), run.idle().connections()));
        }
        return collapses;
    }

    /** The bare scenarios measure the machine, not Haven. */
    private static final List<String> MACHINE = List.of("echo", "insert");

    /**
     * How many times slower this machine is than the baseline's: the geometric mean of the bare
     * echo's and the bare insert's throughput ratios, at least 1.
     */
    static double slowdown(JsonNode baseline, Map<String, Map<String, Double>> now) {
        double product = 1;
        int ratios = 0;
        for (String key : MACHINE) {
            double before = baseline.path(key).path("perSecond").asDouble();
            Map<String, Double> measured = now.get(key);
            if (before > 0 && measured != null && measured.getOrDefault("perSecond", 0.0) > 0) {
                product *= before / measured.get("perSecond");
                ratios++;
            }
        }
        return ratios == 0 ? 1 : Math.max(1, Math.pow(product, 1.0 / ratios));
    }
}
