package app.haven.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import app.haven.bench.LiveScenarios.IdleResult;

/**
 * Haven's benchmark harness ({@code bench/run}): measures the bare limits of the machine, starts
 * Haven from its jar in a fresh data directory, seeds what each scenario needs through the public
 * API, drives the load over real sockets from this process, and writes the report.
 */
public final class Bench {

    /** The longest a scenario waits for Haven to finish earlier work before it measures anyway. */
    private static final Duration SETTLE = Duration.ofMinutes(10);

    private Bench() {
    }

    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("echo-server")) {
            Baselines.echoServer(Integer.parseInt(args[1]));
            return;
        }
        Options options = Options.parse(args);
        Run run = run(options);
        String name = options.smoke() ? "smoke" : (options.postgres() ? "postgres" : "embedded")
                + (options.mongodbUri() != null ? "-mongodb" : "");
        Path report = Report.write(run, options.resultsDir(), name);
        System.out.println("\nreport: " + report);
        run.targets().forEach(target -> System.out.printf("%-32s %-24s %-44s %s%n", target.scenario(), target.target(),
                target.measured(), target.met() ? "met" : "MISSED"));
        if (options.updateBaseline()) {
            SmokeBaseline.update(run, options.baseline());
            System.out.println("baseline written: " + options.baseline());
        } else if (options.smoke()) {
            List<String> collapses = SmokeBaseline.collapses(run, options.baseline());
            collapses.forEach(collapse -> System.out.println("COLLAPSE " + collapse));
            System.out.println(collapses.isEmpty() ? "smoke: within 10x of " + options.baseline() : "smoke: FAILED");
            System.exit(collapses.isEmpty() ? 0 : 1);
        }
        System.exit(0);
    }

    private static Run run(Options options) {
        var sizes = options.sizes();
        String startedAt = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Map<String, Measurement> measured = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        measured.put("echo", Baselines.rsocketEcho(sizes));
        Path data = temporaryDirectory();
        HavenProcess haven = new HavenProcess(options, data);
        try (haven; Http http = new Http("setup", haven.httpPort, 8)) {
            Duration coldStart = haven.start();
            long residentAfterStart = haven.residentBytes();
            long heapAfterStart = haven.heapAfterCollection(http, http.login(HavenProcess.ADMIN_EMAIL, HavenProcess.ADMIN_PASSWORD));
            Scenarios scenarios = new Scenarios(measured, failures);
            scenarios.measure("insert", () -> Baselines.mongoInsert(haven.mongoUri(), sizes));

            Practice[] practice = { Practice.create(http, Math.max(sizes.fanOutMembers(), sizes.sendConnections())) };
            RestScenarios rest = new RestScenarios(haven, sizes);
            scenarios.measure("noOp", () -> rest.authenticatedNoOp(practice[0]));
            String conversation = rest.startSendConversation(http, practice[0]);
            AtomicLong stored = new AtomicLong();
            scenarios.measure("send", () -> rest.send(practice[0], conversation, stored));
            // each measurement starts once Haven has worked off what the seeding before it left behind
            Map<String, Duration> settled = new LinkedHashMap<>();
            scenarios.measure("history", () -> {
                rest.fillHistory(practice[0].fresh(http), conversation, stored);
                settled.put("history", haven.settle(SETTLE));
                practice[0] = practice[0].fresh(http);
                return rest.history(practice[0], conversation, stored.get());
            });
            scenarios.measure("unread", () -> {
                practice[0] = practice[0].fresh(http);
                return rest.unreadCount(http, practice[0], () -> settled.put("unread", haven.settle(SETTLE)));
            });

            // idle connections first: the fan-out leaves work behind that would skew their memory figures
            LiveScenarios live = new LiveScenarios(haven, sizes);
            IdleResult idle = scenarios.attempt("idle", () -> {
                settled.put("idle", haven.settle(SETTLE));
                practice[0] = practice[0].fresh(http);
                return live.idleConnections(http, practice[0]);
            });
            scenarios.measure("fanOut", () -> {
                settled.put("fanOut", haven.settle(SETTLE));
                return live.fanOut(http, practice[0].fresh(http));
            });
            settled.forEach((scenario, took) -> System.out.printf("settled before %s in %.1f s%n", scenario,
                    took.toMillis() / 1000.0));

            haven.stop();
            Duration restart = scenarios.attempt("restart", haven::start);
            return new Run(options, startedAt, coldStart, residentAfterStart, heapAfterStart, restart, measured, idle,
                    failures, settled);
        } finally {
            haven.stop();
            if (options.keepData()) {
                System.out.println("Haven's data directory and log: " + data);
            } else {
                delete(data);
            }
        }
    }

    /**
     * Runs the scenarios one after another; one that fails is recorded with its reason and the run
     * goes on, so a report is written whatever broke down.
     */
    private record Scenarios(Map<String, Measurement> measured, Map<String, String> failures) {

        void measure(String key, Supplier<Measurement> scenario) {
            Measurement measurement = attempt(key, scenario);
            if (measurement != null) {
                measured.put(key, measurement);
            }
        }

        <T> T attempt(String key, Supplier<T> scenario) {
            try {
                return scenario.get();
            } catch (RuntimeException failure) {
                System.out.println("scenario " + key + " failed: " + failure);
                failure.printStackTrace(System.out);
                failures.put(key, String.valueOf(failure));
                return null;
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("haven-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
