package app.haven.worksheets.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import app.haven.worksheets.application.port.out.WorksheetStore;
import app.haven.worksheets.domain.Worksheet;
import app.haven.worksheets.domain.WorksheetStatus;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Worksheets in the relational store; lists read through {@code (client_id, due_at, id)}. */
@Repository
class R2dbcWorksheets implements WorksheetStore {

    private static final String COLUMNS = """
            id, series_id, client_id, therapist_id, title, instructions, description, due_at, status, response,
            feedback, submitted_at, reviewed_at, overdue_announced, created_at, updated_at""";
    /** Overdue as of :now, whether or not the sweep has recorded it yet. */
    private static final String OVERDUE = "(status = 'PAST_DUE' OR (status = 'ASSIGNED' AND due_at <= :now))";

    private final DatabaseClient database;

    R2dbcWorksheets(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> add(Worksheet worksheet) {
        return bindAll(database.sql("INSERT INTO worksheets (" + COLUMNS + """
                ) VALUES (:id, :seriesId, :clientId, :therapistId, :title, :instructions, :description, :dueAt,
                    :status, :response, :feedback, :submittedAt, :reviewedAt, :overdueAnnounced, :createdAt,
                    :updatedAt)"""), worksheet).then();
    }

    @Override
    public Mono<Void> save(Worksheet worksheet) {
        return bindAll(database.sql("""
                UPDATE worksheets SET series_id = :seriesId, client_id = :clientId, therapist_id = :therapistId,
                    title = :title, instructions = :instructions, description = :description, due_at = :dueAt,
                    status = :status, response = :response, feedback = :feedback, submitted_at = :submittedAt,
                    reviewed_at = :reviewedAt, overdue_announced = :overdueAnnounced, created_at = :createdAt,
                    updated_at = :updatedAt
                WHERE id = :id"""), worksheet).then();
    }

    @Override
    public Mono<Worksheet> find(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM worksheets WHERE id = :id").bind("id", id)
                .map(R2dbcWorksheets::worksheet).one();
    }

    @Override
    public Mono<Worksheet> lock(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM worksheets WHERE id = :id FOR UPDATE").bind("id", id)
                .map(R2dbcWorksheets::worksheet).one();
    }

    @Override
    public Flux<Worksheet> series(UUID seriesId) {
        return database.sql("SELECT " + COLUMNS + " FROM worksheets WHERE series_id = :seriesId ORDER BY due_at, id")
                .bind("seriesId", seriesId).map(R2dbcWorksheets::worksheet).all();
    }

    @Override
    public Flux<Worksheet> lockSeries(UUID seriesId) {
        return database.sql("SELECT " + COLUMNS + " FROM worksheets WHERE series_id = :seriesId"
                        + " ORDER BY due_at, id FOR UPDATE")
                .bind("seriesId", seriesId).map(R2dbcWorksheets::worksheet).all();
    }

    @Override
    public Mono<Void> delete(UUID id) {
        return database.sql("DELETE FROM worksheets WHERE id = :id").bind("id", id).then();
    }

    @Override
    public Flux<Worksheet> list(Collection<UUID> clientIds, Filter filter, Instant now, Position after, int limit) {
        List<String> where = new ArrayList<>(List.of("client_id IN (:clientIds)"));
        Map<String, Object> binds = new LinkedHashMap<>(Map.of("clientIds", clientIds));
        if (filter.status() != null) {
            where.add(switch (filter.status()) {
                case PAST_DUE -> OVERDUE;
                case ASSIGNED -> "status = 'ASSIGNED' AND due_at > :now";
                default -> "status = '" + filter.status().name() + "'";
            });
            if (filter.status().isOpen()) {
                binds.put("now", utc(now));
            }
        }
        if (filter.dueBefore() != null) {
            where.add("due_at < :dueBefore");
            binds.put("dueBefore", utc(filter.dueBefore()));
        }
        if (filter.dueAfter() != null) {
            where.add("due_at > :dueAfter");
            binds.put("dueAfter", utc(filter.dueAfter()));
        }
        if (after != null) {
            where.add("(due_at > :afterDue OR (due_at = :afterDue AND id > :afterId))");
            binds.put("afterDue", utc(after.dueDate()));
            binds.put("afterId", after.id());
        }
        GenericExecuteSpec select = database.sql("SELECT " + COLUMNS + " FROM worksheets WHERE "
                + String.join(" AND ", where) + " ORDER BY due_at, id FETCH FIRST " + limit + " ROWS ONLY");
        for (var bind : binds.entrySet()) {
            select = select.bind(bind.getKey(), bind.getValue());
        }
        return select.map(R2dbcWorksheets::worksheet).all();
    }

    @Override
    public Flux<Worksheet> assignedDueBetween(Instant from, Instant to, int limit) {
        return database.sql("SELECT " + COLUMNS + " FROM worksheets WHERE status = 'ASSIGNED'"
                        + " AND due_at >= :from AND due_at < :to ORDER BY due_at, id FETCH FIRST " + limit + " ROWS ONLY")
                .bind("from", utc(from)).bind("to", utc(to)).map(R2dbcWorksheets::worksheet).all();
    }

    @Override
    public Flux<UUID> overdueCandidates(Instant now, int limit) {
        return database.sql("SELECT id FROM worksheets WHERE status = 'ASSIGNED' AND due_at <= :now"
                        + " ORDER BY due_at FETCH FIRST " + limit + " ROWS ONLY")
                .bind("now", utc(now)).map(row -> row.get("id", UUID.class)).all();
    }

    @Override
    public Flux<Tally> tallies(Collection<UUID> clientIds, Instant now) {
        return database.sql("""
                SELECT client_id, COUNT(*) AS assigned,
                       SUM(CASE WHEN status IN ('SUBMITTED', 'REVIEWED') THEN 1 ELSE 0 END) AS completed,
                       SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS overdue
                  FROM worksheets WHERE client_id IN (:clientIds) GROUP BY client_id""".formatted(OVERDUE))
                .bind("clientIds", clientIds)
                .bind("now", utc(now))
                .map(row -> new Tally(row.get("client_id", UUID.class), count(row, "assigned"),
                        count(row, "completed"), count(row, "overdue")))
                .all();
    }

    private static int count(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.intValue();
    }

    private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, Worksheet worksheet) {
        GenericExecuteSpec bound = spec.bind("id", worksheet.id())
                .bind("clientId", worksheet.clientId())
                .bind("therapistId", worksheet.therapistId())
                .bind("title", worksheet.title())
                .bind("instructions", worksheet.instructions())
                .bind("dueAt", utc(worksheet.dueDate()))
                .bind("status", worksheet.status().name())
                .bind("overdueAnnounced", worksheet.overdueAnnounced())
                .bind("createdAt", utc(worksheet.createdAt()))
                .bind("updatedAt", utc(worksheet.updatedAt()));
        bound = nullable(bound, "seriesId", worksheet.seriesId(), UUID.class);
        bound = nullable(bound, "description", worksheet.description(), String.class);
        bound = nullable(bound, "response", worksheet.response(), String.class);
        bound = nullable(bound, "feedback", worksheet.feedback(), String.class);
        bound = nullable(bound, "submittedAt", utc(worksheet.submittedAt()), OffsetDateTime.class);
        return nullable(bound, "reviewedAt", utc(worksheet.reviewedAt()), OffsetDateTime.class);
    }

    private static Worksheet worksheet(Readable row) {
        return new Worksheet(row.get("id", UUID.class), row.get("series_id", UUID.class),
                row.get("client_id", UUID.class), row.get("therapist_id", UUID.class), row.get("title", String.class),
                row.get("instructions", String.class), row.get("description", String.class),
                instant(row.get("due_at", OffsetDateTime.class)),
                WorksheetStatus.valueOf(row.get("status", String.class)), row.get("response", String.class),
                row.get("feedback", String.class), instant(row.get("submitted_at", OffsetDateTime.class)),
                instant(row.get("reviewed_at", OffsetDateTime.class)),
                Boolean.TRUE.equals(row.get("overdue_announced", Boolean.class)),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("updated_at", OffsetDateTime.class)));
    }

    static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
