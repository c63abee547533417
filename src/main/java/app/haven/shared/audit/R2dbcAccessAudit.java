package app.haven.shared.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
        return recordRead(reader, subjectId == null ? List.of() : List.of(subjectId), resource, resourceId);
    }

    @Override
    public Mono<Void> recordRead(Caller reader, Collection<UUID> subjectIds, AuditedResource resource,
            String resourceId) {
        List<UUID> subjects = subjectIds.isEmpty() ? Collections.singletonList(null) : List.copyOf(subjectIds);
        return Mono.deferContextual(context -> insert(reader, subjects, resource, resourceId,
                clock.instant().atOffset(ZoneOffset.UTC), RequestOrigin.of(context).orElse(null)));
    }

    /** One statement for all the entries of one read: a page's senders are a few dozen rows at most. */
    private Mono<Void> insert(Caller reader, List<UUID> subjects, AuditedResource resource, String resourceId,
            OffsetDateTime now, String origin) {
        String rows = IntStream.range(0, subjects.size())
                .mapToObj(i -> "(:id%1$d, :actorId, :actorRole, :subjectId%1$d, :resource, :resourceId, :occurredAt, :origin)"
                        .formatted(i))
                .collect(Collectors.joining(", "));
        var insert = database.sql("""
                        INSERT INTO access_audit (id, actor_id, actor_role, subject_id, resource, resource_id,
                                                  occurred_at, origin)
                        VALUES\s""" + rows)
                .bind("actorId", reader.id())
                .bind("actorRole", reader.role().name())
                .bind("resource", resource.name())
                .bind("resourceId", resourceId)
                .bind("occurredAt", now);
        for (int i = 0; i < subjects.size(); i++) {
            UUID subject = subjects.get(i);
            insert = insert.bind("id" + i, UUID.randomUUID());
            insert = subject == null ? insert.bindNull("subjectId" + i, UUID.class) : insert.bind("subjectId" + i, subject);
        }
        insert = origin == null ? insert.bindNull("origin", String.class) : insert.bind("origin", origin);
        return insert.then();
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
