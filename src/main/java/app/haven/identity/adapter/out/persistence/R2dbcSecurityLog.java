package app.haven.identity.adapter.out.persistence;

import static app.haven.identity.adapter.out.persistence.R2dbcAccountStore.instant;
import static app.haven.identity.adapter.out.persistence.R2dbcAccountStore.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import app.haven.identity.application.port.out.SecurityLog;
import app.haven.identity.domain.SecurityEvent;
import app.haven.identity.domain.SecurityEventType;
import io.r2dbc.spi.Parameters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcSecurityLog implements SecurityLog {

    private final DatabaseClient database;

    R2dbcSecurityLog(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> record(SecurityEvent event) {
        return database.sql("""
                        INSERT INTO security_events (id, type, account_id, address, user_agent, occurred_at)
                        VALUES (:id, :type, :accountId, :address, :userAgent, :occurredAt)""")
                .bind("id", event.id())
                .bind("type", event.type().name())
                .bind("accountId", event.accountId() == null ? Parameters.in(UUID.class) : event.accountId())
                .bind("address", event.address())
                .bind("userAgent", event.userAgent())
                .bind("occurredAt", utc(event.occurredAt()))
                .then();
    }

    @Override
    public Flux<Instant> timesFor(SecurityEventType type, UUID accountId, Instant since) {
        return times("account_id", accountId, type, since);
    }

    @Override
    public Flux<Instant> timesFrom(SecurityEventType type, String address, Instant since) {
        return times("address", address, type, since);
    }

    /** {@code column} is one of this class's own column names, never input. */
    private Flux<Instant> times(String column, Object value, SecurityEventType type, Instant since) {
        return database.sql("""
                        SELECT occurred_at FROM security_events
                        WHERE %s = :value AND type = :type AND occurred_at >= :since
                        ORDER BY occurred_at""".formatted(column))
                .bind("value", value).bind("type", type.name()).bind("since", utc(since))
                .map(row -> instant(row.get("occurred_at", OffsetDateTime.class))).all();
    }

    @Override
    public Flux<Entry> newestFirst(Long before, int limit) {
        return database.sql("""
                        SELECT position, id, type, account_id, address, user_agent, occurred_at FROM security_events
                        WHERE position < :before
                        ORDER BY position DESC
                        FETCH FIRST %d ROWS ONLY""".formatted(limit))
                .bind("before", before == null ? Long.MAX_VALUE : before)
                .map(row -> new Entry(row.get("position", Long.class), new SecurityEvent(row.get("id", UUID.class),
                        SecurityEventType.valueOf(row.get("type", String.class)), row.get("account_id", UUID.class),
                        row.get("address", String.class), row.get("user_agent", String.class),
                        instant(row.get("occurred_at", OffsetDateTime.class)))))
                .all();
    }
}
