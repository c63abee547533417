package app.haven.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import app.haven.patients.SessionCompleted;
import app.haven.shared.EventOutbox;
import app.haven.shared.Transactions;
import app.haven.support.IsolatedTestStores;
import app.haven.support.KilledHaven;

/**
 * A session completed just before Haven's process was killed (SIGKILL): the change and its
 * SessionCompleted event were committed together, but nothing was delivered yet. After a restart
 * on the same store the client has exactly one charge for it, and the same event delivered once
 * more adds none.
 */
class BillingRecoveryIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Test
    void aSessionCompletedJustBeforeTheProcessWasKilledIsChargedOnceAfterTheRestart() throws Exception {
        String store = IsolatedTestStores.newName();
        // the relay is off so that the kill surely comes between the commit and the delivery
        SessionCompleted completed = SessionCompletedThenKilled.parse(KilledHaven.runThenKill(store,
                SessionCompletedThenKilled.class, "--haven.events.relay-enabled=false"));
        UUID sessionId = completed.sessionId();

        try (ConfigurableApplicationContext second = IsolatedTestStores.startHaven(store)) {
            await().atMost(DELIVERY).until(() -> charges(second, sessionId) == 1);

            commit(second, completed);
            await().atMost(DELIVERY).until(() -> undelivered(second) == 0);
            assertThat(charges(second, sessionId)).isEqualTo(1);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT amount FROM billing_charges WHERE session_id = ?", String.class, sessionId))
                    .isEqualTo("180.00");
        }
    }

    /** In the process that is killed: commits a completed session, and checks nothing was charged yet. */
    public static class SessionCompletedThenKilled implements KilledHaven.Step {

        @Override
        public String run(ConfigurableApplicationContext haven) {
            Instant startsAt = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            SessionCompleted completed = new SessionCompleted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    "90837", 60, false, startsAt, startsAt.plus(Duration.ofHours(1)));
            commit(haven, completed);
            assertThat(charges(haven, completed.sessionId())).isZero();
            return completed.sessionId() + " " + completed.clientId() + " " + completed.therapistId() + " " + startsAt;
        }

        static SessionCompleted parse(String answer) {
            String[] parts = answer.split(" ");
            Instant startsAt = Instant.parse(parts[3]);
            return new SessionCompleted(UUID.fromString(parts[0]), UUID.fromString(parts[1]), UUID.fromString(parts[2]),
                    "90837", 60, false, startsAt, startsAt.plus(Duration.ofHours(1)));
        }
    }

    private static void commit(ConfigurableApplicationContext haven, SessionCompleted completed) {
        haven.getBean(Transactions.class).commit(haven.getBean(EventOutbox.class).stage(completed))
                .block(Duration.ofSeconds(10));
    }

    private static int charges(ConfigurableApplicationContext haven, UUID sessionId) {
        return haven.getBean(JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM billing_charges WHERE session_id = ?", Integer.class, sessionId);
    }

    /** Events not yet relayed, plus relayed ones whose listeners have not all completed. */
    private static int undelivered(ConfigurableApplicationContext haven) {
        JdbcTemplate jdbc = haven.getBean(JdbcTemplate.class);
        return jdbc.queryForObject("SELECT COUNT(*) FROM event_outbox WHERE relayed_at IS NULL", Integer.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL",
                        Integer.class);
    }
}
