package app.haven.identity.adapter.out.persistence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import app.haven.identity.application.port.out.MailArchive;
import app.haven.identity.application.port.out.Mailer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Mail is written to the {@code mail_outbox} table in the transaction that causes it, so a
 * registration that rolls back sends nothing and one that commits never loses its mail. The SMTP
 * relay sends from there when mail is configured.
 */
@Repository
class R2dbcMailOutbox implements Mailer, MailArchive {

    private final DatabaseClient database;
    private final Clock clock;

    R2dbcMailOutbox(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Mono<Void> send(Mail mail) {
        return database.sql("""
                        INSERT INTO mail_outbox (id, recipient, subject, body, created_at)
                        VALUES (:id, :recipient, :subject, :body, :createdAt)""")
                .bind("id", UUID.randomUUID())
                .bind("recipient", mail.to())
                .bind("subject", mail.subject())
                .bind("body", mail.body())
                .bind("createdAt", clock.instant().atOffset(ZoneOffset.UTC))
                .then();
    }

    @Override
    public Flux<ArchivedMail> newestFirst(int limit) {
        return database.sql("""
                        SELECT id, recipient, subject, body, created_at, sent_at FROM mail_outbox
                        ORDER BY position DESC FETCH FIRST %d ROWS ONLY""".formatted(limit))
                .map(row -> new ArchivedMail(row.get("id", UUID.class), row.get("recipient", String.class),
                        row.get("subject", String.class), row.get("body", String.class),
                        R2dbcAccountStore.instant(row.get("created_at", OffsetDateTime.class)),
                        R2dbcAccountStore.instant(row.get("sent_at", OffsetDateTime.class))))
                .all();
    }
}
