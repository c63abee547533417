package app.haven.shared.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import app.haven.shared.AccessAudit;
import app.haven.shared.Caller;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The access audit trail in the relational store, append-only: this class inserts and reads,
 * and nothing in Haven updates or deletes an entry.
 */
@Repository
class R2dbcAccessAudit implements AccessAudit {

    private final DatabaseClient database;
    private final Clock clock;

    R2dbcAccessAudit(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Mono<Void> recordRead(Caller reader, UUID subjectId, AuditedResource resource, String resourceId) {
        return Mono.deferContextual(context -> {
            var insert = database.sql("""
                            INSERT INTO access_audit (id, actor_id, actor_role, subject_id, resource, resource_id,
                                                      occurred_at, origin)
                            VALUES (:id, :actorId, :actorRole, :subjectId, :resource, :resourceId, :occurredAt, :origin)""")
                    .bind("id", UUID.randomUUID())
                    .bind("actorId", reader.id())
                    .bind("actorRole", reader.role().name())
                    .bind("resource", resource.name())
                    .bind("resourceId", resourceId)
                    .bind("occurredAt", clock.instant().atOffset(ZoneOffset.UTC));
            insert = subjectId == null ? insert.bindNull("subjectId", UUID.class) : insert.bind("subjectId", subjectId);
            String origin = RequestOrigin.of(context).orElse(null);
            insert = origin == null ? insert.bindNull("origin", String.class) : insert.bind("origin", origin);
            return insert.then();
        });
    }

    /** What an administrator asks of the trail; every part may be left out. */
    record Query(UUID subjectId, UUID actorId, Instant from, Instant to) {
    }

    /** Entries newest first, matching the query, before a position. */
    Flux<AccessEntry> newestFirst(Query query, Long before, int limit) {
        String where = "position < :before" + (query.subjectId() == null ? "" : " AND subject_id = :subjectId")
                + (query.actorId() == null ? "" : " AND actor_id = :actorId")
                + (query.from() == null ? "" : " AND occurred_at >= :from")
                + (query.to() == null ? "" : " AND occurred_at < :to");
        var spec = database.sql("""
                SELECT position, id, actor_id, actor_role, subject_id, resource, resource_id, occurred_at, origin
                FROM access_audit WHERE %s
                ORDER BY position DESC
                FETCH FIRST %d ROWS ONLY""".formatted(where, limit))
                .bind("before", before == null ? Long.MAX_VALUE : before);
        spec = query.subjectId() == null ? spec : spec.bind("subjectId", query.subjectId());
        spec = query.actorId() == null ? spec : spec.bind("actorId", query.actorId());
        spec = query.from() == null ? spec : spec.bind("from", query.from().atOffset(ZoneOffset.UTC));
        spec = query.to() == null ? spec : spec.bind("to", query.to().atOffset(ZoneOffset.UTC));
        return spec
                .map(R2dbcAccessAudit::entry)
                .all();
    }

    private static AccessEntry entry(Readable row) {
        return new AccessEntry(row.get("position", Long.class), row.get("id", UUID.class),
                row.get("actor_id", UUID.class), row.get("actor_role", String.class),
                row.get("subject_id", UUID.class), row.get("resource", String.class),
                row.get("resource_id", String.class), instant(row.get("occurred_at", OffsetDateTime.class)),
                row.get("origin", String.class));
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }

    record AccessEntry(long position, UUID id, UUID actorId, String actorRole, UUID subjectId, String resource,
            String resourceId, Instant occurredAt, String origin) {
    }
}
