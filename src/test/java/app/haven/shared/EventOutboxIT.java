package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

import app.haven.support.HavenTest;
import app.haven.support.ProbeHappened;
import app.haven.support.ProbeListener;
import reactor.core.publisher.Mono;

/**
 * The outbox's promises, one test each: events commit or roll back with the state they report,
 * reach listeners only after commit, reach them even when a listener fails at first, and reach
 * them from MongoDB documents too, even when the relay after the write never happened.
 */
@HavenTest
class EventOutboxIT {

    private static final Duration DELIVERY = Duration.ofSeconds(10);

    @Autowired Transactions transactions;
    @Autowired EventOutbox outbox;
    @Autowired DocumentOutbox documentOutbox;
    @Autowired DatabaseClient database;
    @Autowired JdbcTemplate jdbc;
    @Autowired ReactiveMongoTemplate mongo;

    @Test
    void anEventIsStoredInTheSameTransactionAsTheStateAndDeliveredOnlyAfterCommit() {
        ProbeHappened probe = ProbeHappened.plain();
        UUID client = UUID.randomUUID();

        transactions.commit(insertAssignmentOf(client)
                        .then(outbox.stage(probe))
                        .then(Mono.delay(Duration.ofMillis(800)))
                        .doOnNext(tick -> assertThat(ProbeListener.attempts(probe.id()))
                                .as("nothing is delivered while the transaction is open").isZero()))
                .block();

        await().atMost(DELIVERY).until(() -> ProbeListener.handled(probe.id()) == 1);
        assertThat(assignmentsOf(client)).isEqualTo(1);
    }

    @Test
    void aRolledBackChangeLeavesNoEventAndDeliversNothing() {
        ProbeHappened probe = ProbeHappened.plain();
        UUID client = UUID.randomUUID();

        assertThatThrownBy(() -> transactions.commit(insertAssignmentOf(client)
                        .then(outbox.stage(probe))
                        .then(Mono.error(new IllegalStateException("the use case fails after staging"))))
                .block())
                .hasMessageContaining("the use case fails");

        assertThat(assignmentsOf(client)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_outbox WHERE payload LIKE ?", Integer.class,
                "%" + probe.id() + "%")).isZero();
        await().during(Duration.ofSeconds(2)).atMost(DELIVERY).until(() -> ProbeListener.attempts(probe.id()) == 0);
    }

    @Test
    void stagingOutsideATransactionIsRefusedRatherThanPublishedUnsafely() {
        assertThatThrownBy(() -> outbox.stage(ProbeHappened.plain()).block())
                .hasMessageContaining("inside Transactions.commit");
    }

    @Test
    void aFailingListenerIsRetriedUntilItSucceeds() {
        ProbeHappened probe = ProbeHappened.failingFirst(2);

        transactions.commit(outbox.stage(probe)).block();

        await().atMost(DELIVERY).until(() -> ProbeListener.handled(probe.id()) == 1);
        assertThat(ProbeListener.attempts(probe.id())).isEqualTo(3);
    }

    @Test
    void aRowThatCannotBeDecodedIsSetAsideWithoutBlockingTheEventsBehindIt() {
        UUID poison = UUID.randomUUID();
        ProbeHappened probe = ProbeHappened.plain();
        transactions.commit(database.sql("""
                        INSERT INTO event_outbox (id, event_type, payload, occurred_at)
                        VALUES (:id, 'app.haven.RenamedLongAgo', '{}', :at)""")
                        .bind("id", poison).bind("at", OffsetDateTime.now()).then()
                        .then(outbox.stage(probe)))
                .block();

        await().atMost(DELIVERY).until(() -> ProbeListener.handled(probe.id()) == 1);
        assertThat(jdbc.queryForObject("SELECT failure FROM event_outbox WHERE id = ?", String.class, poison))
                .contains("app.haven.RenamedLongAgo");
    }

    @Test
    void anEventStoredWithAFieldTheEventNoLongerHasIsStillDelivered() {
        ProbeHappened probe = ProbeHappened.plain();
        transactions.commit(database.sql("""
                        INSERT INTO event_outbox (id, event_type, payload, occurred_at)
                        VALUES (:id, :type, :payload, :at)""")
                        .bind("id", UUID.randomUUID())
                        .bind("type", ProbeHappened.class.getName())
                        .bind("payload", "{\"id\":\"" + probe.id() + "\",\"failuresFirst\":0,\"hangFirstMillis\":0,"
                                + "\"fieldRemovedSince\":\"old\"}")
                        .bind("at", OffsetDateTime.now()).then())
                .block();

        await().atMost(DELIVERY).until(() -> ProbeListener.handled(probe.id()) == 1);
    }

    @Test
    void anEventInAMongoDocumentIsRelayedAfterTheWriteAndRemovedFromIt() {
        ProbeHappened probe = ProbeHappened.plain();
        String id = UUID.randomUUID().toString();
        Document document = new Document("_id", id).append("note", "state and event in one write")
                .append(DocumentOutbox.FIELD, List.of(documentOutbox.stage(probe)));

        mongo.insert(document, "outbox_probes").then(documentOutbox.relay("outbox_probes", id)).block();

        await().atMost(DELIVERY).until(() -> ProbeListener.handled(probe.id()) == 1);
        assertThat(pendingIn("outbox_probes", id)).isEmpty();
    }

    @Test
    void anEventLeftInAMongoDocumentByACrashIsSweptAndDelivered() {
        ProbeHappened probe = ProbeHappened.plain();
        String id = UUID.randomUUID().toString();
        Document document = new Document("_id", id)
                .append(DocumentOutbox.FIELD, List.of(documentOutbox.stage(probe)));

        mongo.insert(document, "outbox_probes").block();

        await().atMost(DELIVERY).until(() -> ProbeListener.handled(probe.id()) == 1);
        await().atMost(DELIVERY).until(() -> pendingIn("outbox_probes", id).isEmpty());
    }

    private List<?> pendingIn(String collection, String id) {
        Document stored = mongo.findById(id, Document.class, collection).block();
        return stored.getList(DocumentOutbox.FIELD, Object.class, List.of());
    }

    private Mono<Void> insertAssignmentOf(UUID client) {
        return database.sql("""
                        INSERT INTO patient_assignments (id, client_id, therapist_id, assigned_at, active_client_id)
                        VALUES (:id, :client, :therapist, :at, :client)""")
                .bind("id", UUID.randomUUID())
                .bind("client", client)
                .bind("therapist", UUID.randomUUID())
                .bind("at", OffsetDateTime.now())
                .then();
    }

    private int assignmentsOf(UUID client) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM patient_assignments WHERE client_id = ?", Integer.class,
                client);
    }
}
