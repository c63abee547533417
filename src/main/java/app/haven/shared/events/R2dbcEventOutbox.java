package app.haven.shared.events;

import java.time.ZoneOffset;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

import app.haven.shared.EventOutbox;
import app.haven.shared.StagedEvent;
import reactor.core.publisher.Mono;

@Component
class R2dbcEventOutbox implements EventOutbox {

    private final DatabaseClient database;
    private final EventCodec codec;

    R2dbcEventOutbox(DatabaseClient database, EventCodec codec) {
        this.database = database;
        this.codec = codec;
    }

    @Override
    public Mono<Void> stage(Object event) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .onErrorMap(NoTransactionException.class, e -> notInTransaction())
                .filter(TransactionSynchronizationManager::isActualTransactionActive)
                .switchIfEmpty(Mono.error(R2dbcEventOutbox::notInTransaction))
                .flatMap(tx -> insert(codec.encode(event)));
    }

    private static IllegalStateException notInTransaction() {
        return new IllegalStateException("Events must be staged inside Transactions.commit(...)");
    }

    private Mono<Void> insert(StagedEvent staged) {
        return database.sql("""
                        INSERT INTO event_outbox (id, event_type, payload, occurred_at)
                        VALUES (:id, :type, :payload, :occurredAt)""")
                .bind("id", staged.id())
                .bind("type", staged.type())
                .bind("payload", staged.payload())
                .bind("occurredAt", staged.occurredAt().atOffset(ZoneOffset.UTC))
                .then();
    }
}
