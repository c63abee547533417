package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import app.haven.support.ProbeHappened;
import app.haven.support.ProbeListener;
import app.haven.support.IsolatedTestStores;

/**
 * At-least-once across crashes: Haven is started, stopped in the middle of delivering an event,
 * and started again on the same database; the event must arrive after the restart.
 * <p>
 * Each test owns a fresh store (an H2 database, or a PostgreSQL schema in CI's second pass) that
 * both of its starts use, so no other running test application can relay its events and blur
 * what the restart did.
 */
class EventRecoveryIT {

    private static final Duration DELIVERY = Duration.ofSeconds(15);

    @Test
    void anEventCommittedButNotYetRelayedWhenHavenStopsIsDeliveredAfterRestart() {
        String database = IsolatedTestStores.newName();
        ProbeHappened probe = ProbeHappened.plain();

        try (ConfigurableApplicationContext first = start(database, "--haven.events.relay-enabled=false")) {
            first.getBean(Transactions.class).commit(first.getBean(EventOutbox.class).stage(probe)).block();
            assertThat(pendingRows(first)).isEqualTo(1);
        }
        assertThat(ProbeListener.attempts(probe.id())).isZero();

        try (ConfigurableApplicationContext second = start(database)) {
            await().atMost(DELIVERY).until(() -> ProbeListener.handled(probe.id()) == 1);
            assertThat(pendingRows(second)).isZero();
        }
    }

    @Test
    void anEventWhoseListenerWasCutOffByAStopIsDeliveredAgainAfterRestart() {
        String database = IsolatedTestStores.newName();
        ProbeHappened probe = ProbeHappened.hangingFirst(Duration.ofMinutes(1).toMillis());

        try (ConfigurableApplicationContext first = start(database, "--haven.events.retry-interval=1h",
                "--spring.modulith.default-async-termination=false",
                "--spring.task.execution.shutdown.await-termination=false",
                "--spring.lifecycle.timeout-per-shutdown-phase=1s")) {
            first.getBean(Transactions.class).commit(first.getBean(EventOutbox.class).stage(probe)).block();
            await().atMost(DELIVERY).until(() -> ProbeListener.attempts(probe.id()) == 1);
        }
        ProbeListener.releaseHungListeners();
        assertThat(ProbeListener.handled(probe.id())).isZero();

        try (ConfigurableApplicationContext second = start(database)) {
            await().atMost(DELIVERY).until(() -> ProbeListener.handled(probe.id()) == 1);
            assertThat(ProbeListener.attempts(probe.id())).isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext start(String database, String... extraArguments) {
        return IsolatedTestStores.startHaven(database, extraArguments);
    }

    private static int pendingRows(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM event_outbox WHERE relayed_at IS NULL", Integer.class);
    }
}
