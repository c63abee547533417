package app.haven.portal.adapter.out.sms;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import app.haven.portal.application.port.out.SmsGateway;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps each text message in {@code portal_sms_outbox} instead of sending it: embedded mode's stand-in for an SMS
 * provider, and what the dev outbox shows. A provider adapter replaces it in production.
 */
@Component
class RecordingSmsGateway implements SmsGateway {

    private final DatabaseClient database;
    private final Clock clock;

    RecordingSmsGateway(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Mono<Void> send(String phone, String body) {
        return database.sql("""
                INSERT INTO portal_sms_outbox (id, to_phone, body, created_at) VALUES (:id, :phone, :body, :now)""")
                .bind("id", UUID.randomUUID()).bind("phone", phone).bind("body", body)
                .bind("now", clock.instant().atOffset(ZoneOffset.UTC)).then();
    }

    @Override
    public Flux<SentText> latest(int limit) {
        return database.sql("SELECT to_phone, body, created_at FROM portal_sms_outbox ORDER BY created_at DESC"
                        + " FETCH FIRST " + limit + " ROWS ONLY")
                .map(row -> new SentText(row.get("to_phone", String.class), row.get("body", String.class),
                        row.get("created_at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
