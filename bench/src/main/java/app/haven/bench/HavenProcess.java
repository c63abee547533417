package app.haven.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * Haven in a process of its own, started from its jar the way an operator starts it, on ports the
 * harness chose. Knows how long it took to answer healthy and how much memory it holds.
 */
final class HavenProcess implements AutoCloseable {

    static final String ADMIN_EMAIL = "bench.admin@bench.example";
    static final String ADMIN_PASSWORD = "bench-admin-password";

    final int httpPort;
    final int tcpPort;
    final int mongoPort;
    final Path dataDir;
    private final Options options;
    private Process process;
    private Duration startedIn;
    private int starts;

    HavenProcess(Options options, Path dataDir) {
        this.options = options;
        this.dataDir = dataDir;
        this.httpPort = freePort();
        this.tcpPort = freePort();
        this.mongoPort = freePort();
    }

    /** Starts Haven and waits until {@code /actuator/health} answers UP; the wait is the cold start. */
    Duration start() {
        List<String> command = new ArrayList<>(List.of(Jdk.tool("java")));
        starts++;
        // "{start}" in a JVM argument becomes 1 for the first start and 2 for the restart (e.g. JFR file names)
        options.havenJvmArgs().forEach(arg -> command.add(arg.replace("{start}", String.valueOf(starts))));
        command.addAll(List.of("-jar", options.havenJar().toString(),
                "--server.port=" + httpPort,
                "--spring.rsocket.server.port=" + tcpPort,
                "--haven.embedded-mongo.port=" + mongoPort,
                "--haven.demo-data.enabled=false",
                // one person's send allowance is product policy, not capacity: the load senders are few
                "--haven.messaging.send-burst=100000000",
                "--haven.messaging.sends-per-minute=100000000"));
        if (options.postgres()) {
            command.add("--spring.profiles.active=postgres");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("haven.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("HAVEN_DATA_DIR", dataDir.toString());
        env.put("HAVEN_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("HAVEN_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        if (options.mongodbUri() != null) {
            env.put("HAVEN_MONGODB_URI", options.mongodbUri());
        }
        long began = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Http http = new Http("health", httpPort, 1)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Haven stopped while starting; see " + dataDir.resolve("haven.log"));
                }
                if (System.nanoTime() - began > Duration.ofMinutes(3).toNanos()) {
                    throw new IllegalStateException("Haven was not healthy after 3 minutes; see " + dataDir.resolve("haven.log"));
                }
                try {
                    String health = http.call("GET", "/actuator/health", null, null).block(Duration.ofSeconds(5));
                    if (health != null && health.contains("\"UP\"")) {
                        break;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                sleep(Duration.ofMillis(20));
            }
        }
        startedIn = Duration.ofNanos(System.nanoTime() - began);
        System.out.printf("Haven healthy after %d ms (pid %d)%n", startedIn.toMillis(), process.pid());
        return startedIn;
    }

    String mongoUri() {
        return options.mongodbUri() != null ? options.mongodbUri() : "mongodb://127.0.0.1:" + mongoPort + "/haven";
    }

    /** Resident memory of the Haven process, from the kernel. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Waits until Haven has worked off what earlier scenarios left behind (event listeners, mail,
     * notifications): its CPU use below a sixth of one core for three seconds in a row, at most
     * {@code max}. Answers how long that took, itself a figure worth reporting.
     */
    Duration settle(Duration max) {
        long began = System.nanoTime();
        long deadline = began + max.toNanos();
        int quietSeconds = 0;
        Duration before = cpu();
        while (quietSeconds < 3 && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(1));
            Duration now = cpu();
            quietSeconds = now.minus(before).toMillis() < 170 ? quietSeconds + 1 : 0;
            before = now;
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Heap in use after a full collection (jcmd GC.run), read from Haven's own metrics. */
    long heapAfterCollection(Http http, String adminToken) {
        run(Jdk.tool("jcmd"), String.valueOf(process.pid()), "GC.run");
        JsonNode used = http.get("/actuator/metrics/jvm.memory.used?tag=area:heap", adminToken);
        return (long) used.get("measurements").get(0).get("value").asDouble();
    }

    /** Stops Haven the way an operator does (SIGTERM, graceful shutdown). */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    static void run(String... command) {
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (child.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
