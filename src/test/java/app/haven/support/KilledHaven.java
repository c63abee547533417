package app.haven.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Haven in a JVM of its own, killed with SIGKILL the way a crash, the OOM killer or a pulled plug
 * would end it: no shutdown hook, no graceful close, no flush. The child starts Haven on a named
 * store ({@link IsolatedTestStores}), runs one {@link Step} against it, and waits to be killed.
 */
public final class KilledHaven {

    /** What the child does before it is killed; it answers what the test needs to know afterwards. */
    public interface Step {
        String run(ConfigurableApplicationContext haven) throws Exception;
    }

    static final String READY = "READY TO BE KILLED: ";
    private static final Duration START = Duration.ofMinutes(3);
    private static final int SIGKILL_EXIT = 128 + 9;

    private KilledHaven() {
    }

    /**
     * Starts Haven in a child JVM on {@code store} with {@code arguments}, runs {@code step} there,
     * then kills the process with SIGKILL and answers what the step answered.
     */
    public static String runThenKill(String store, Class<? extends Step> step, String... arguments)
            throws IOException, InterruptedException {
        Path log = Path.of("target/test-data", store, "killed-haven.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Dhaven.test.stores=" + System.getProperty("haven.test.stores", "embedded"),
                "-cp", System.getProperty("java.class.path"),
                KilledHaven.class.getName(), store, step.getName()));
        command.addAll(List.of(arguments));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String answer = awaitReady(child, log);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the killed Haven has ended").isTrue();
            assertThat(child.exitValue()).as("Haven ended by SIGKILL, not by a stop of its own")
                    .isEqualTo(SIGKILL_EXIT);
            return answer;
        } finally {
            child.destroyForcibly();
        }
    }

    private static String awaitReady(Process child, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> ready = Files.readAllLines(log).stream().filter(line -> line.startsWith(READY)).findFirst();
            if (ready.isPresent()) {
                return ready.get().substring(READY.length());
            }
            if (!child.isAlive()) {
                throw new AssertionError("The child Haven ended before its step was done; its log: " + log);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The child Haven did not finish its step within " + START + "; its log: " + log);
    }

    /** The child: {@code store stepClass havenArguments...}. */
    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext haven = IsolatedTestStores.startHaven(args[0],
                Arrays.copyOfRange(args, 2, args.length));
        String answer = Class.forName(args[1]).asSubclass(Step.class).getDeclaredConstructor().newInstance().run(haven);
        writeEmbeddedStoreToDisk(haven);
        System.out.println(READY + answer);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * The embedded H2 file writes committed transactions within about a second, so a kill right
     * after a commit can lose it (noted as an issue). These tests are about what happens to
     * committed changes whose events were not yet delivered, so the child makes sure its commits
     * are on disk first. PostgreSQL's commits are durable when acknowledged.
     */
    private static void writeEmbeddedStoreToDisk(ConfigurableApplicationContext haven) {
        if (haven.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            haven.getBean(JdbcTemplate.class).execute("CHECKPOINT SYNC");
        }
    }
}
