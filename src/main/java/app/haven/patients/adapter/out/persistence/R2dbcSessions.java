package app.haven.patients.adapter.out.persistence;

import static app.haven.patients.adapter.out.persistence.R2dbcClientRecords.bindNullable;
import static app.haven.patients.adapter.out.persistence.R2dbcClientRecords.instant;
import static app.haven.patients.adapter.out.persistence.R2dbcClientRecords.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import app.haven.patients.application.port.out.SessionStore;
import app.haven.patients.domain.ServiceCode;
import app.haven.patients.domain.Session;
import app.haven.patients.domain.SessionStatus;
import app.haven.patients.domain.SessionType;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sessions in the relational store; calendars read through {@code (therapist_id, starts_at)}. */
@Repository
class R2dbcSessions implements SessionStore {

    private static final String COLUMNS = """
            s.id, s.client_id, s.therapist_id, s.starts_at, s.duration_minutes, s.type, s.telehealth, s.status,
            s.notes, s.service_code, s.cancel_reason, s.cancelled_late, s.created_at, s.updated_at""";
    private static final String OCCUPYING = "('SCHEDULED', 'COMPLETED')";

    private final DatabaseClient database;

    R2dbcSessions(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Session> find(UUID sessionId) {
        return database.sql("SELECT " + COLUMNS + " FROM patient_sessions s WHERE s.id = :id")
                .bind("id", sessionId).map(R2dbcSessions::session).one();
    }

    @Override
    public Mono<Session> lock(UUID sessionId) {
        return database.sql("SELECT " + COLUMNS + " FROM patient_sessions s WHERE s.id = :id FOR UPDATE")
                .bind("id", sessionId).map(R2dbcSessions::session).one();
    }

    @Override
    public Mono<Void> add(Session session) {
        return bindAll(database.sql("""
                INSERT INTO patient_sessions (id, client_id, therapist_id, starts_at, ends_at, duration_minutes, type,
                    telehealth, status, notes, service_code, cancel_reason, cancelled_late, created_at, updated_at)
                VALUES (:id, :clientId, :therapistId, :startsAt, :endsAt, :durationMinutes, :type, :telehealth,
                    :status, :notes, :serviceCode, :cancelReason, :cancelledLate, :createdAt, :updatedAt)"""), session)
                .then();
    }

    @Override
    public Mono<Void> save(Session session) {
        return bindAll(database.sql("""
                UPDATE patient_sessions SET client_id = :clientId, therapist_id = :therapistId,
                    starts_at = :startsAt, ends_at = :endsAt, duration_minutes = :durationMinutes, type = :type,
                    telehealth = :telehealth, status = :status, notes = :notes, service_code = :serviceCode,
                    cancel_reason = :cancelReason, cancelled_late = :cancelledLate, created_at = :createdAt,
                    updated_at = :updatedAt
                WHERE id = :id"""), session)
                .then();
    }

    private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, Session session) {
        GenericExecuteSpec bound = spec.bind("id", session.id())
                .bind("clientId", session.clientId())
                .bind("therapistId", session.therapistId())
                .bind("startsAt", utc(session.startsAt()))
                .bind("endsAt", utc(session.endsAt()))
                .bind("durationMinutes", session.durationMinutes())
                .bind("type", session.type().name())
                .bind("telehealth", session.telehealth())
                .bind("status", session.status().name())
                .bind("createdAt", utc(session.createdAt()))
                .bind("updatedAt", utc(session.updatedAt()));
        bound = bindNullable(bound, "notes", session.notes(), String.class);
        bound = bindNullable(bound, "serviceCode", session.serviceCode() == null ? null : session.serviceCode().code(),
                String.class);
        bound = bindNullable(bound, "cancelReason", session.cancelReason(), String.class);
        return bindNullable(bound, "cancelledLate", session.cancelledLate(), Boolean.class);
    }

    @Override
    public Flux<Session> occupying(UUID therapistId, Instant from, Instant to) {
        return database.sql("SELECT " + COLUMNS + """
                         FROM patient_sessions s
                        WHERE s.therapist_id = :therapistId AND s.status IN %s
                          AND s.starts_at < :to AND s.ends_at > :from""".formatted(OCCUPYING))
                .bind("therapistId", therapistId)
                .bind("from", utc(from))
                .bind("to", utc(to))
                .map(R2dbcSessions::session)
                .all();
    }

    @Override
    public Flux<Session> list(SessionQuery query, SessionPosition after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        if (query.therapistId() != null) {
            where.add("s.therapist_id = :therapistId");
            binds.put("therapistId", query.therapistId());
            if (query.currentCaseloadOnly()) {
                where.add("EXISTS (SELECT 1 FROM patient_clients c"
                        + " WHERE c.client_id = s.client_id AND c.therapist_id = :therapistId)");
            }
        }
        if (query.clientId() != null) {
            where.add("s.client_id = :clientId");
            binds.put("clientId", query.clientId());
        }
        if (query.status() != null) {
            where.add("s.status = :status");
            binds.put("status", query.status().name());
        }
        if (query.from() != null) {
            where.add("s.starts_at >= :from");
            binds.put("from", utc(query.from()));
        }
        if (query.to() != null) {
            where.add("s.starts_at < :to");
            binds.put("to", utc(query.to()));
        }
        if (after != null) {
            where.add("(s.starts_at > :afterStart OR (s.starts_at = :afterStart AND s.id > :afterId))");
            binds.put("afterStart", utc(after.startsAt()));
            binds.put("afterId", after.id());
        }
        GenericExecuteSpec select = database.sql("SELECT " + COLUMNS + " FROM patient_sessions s %s"
                .formatted(where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where))
                + " ORDER BY s.starts_at, s.id FETCH FIRST " + limit + " ROWS ONLY");
        for (var bind : binds.entrySet()) {
            select = select.bind(bind.getKey(), bind.getValue());
        }
        return select.map(R2dbcSessions::session).all();
    }

    @Override
    public Flux<Session> recentOf(UUID clientId, int limit) {
        return database.sql("SELECT " + COLUMNS + " FROM patient_sessions s WHERE s.client_id = :clientId"
                        + " ORDER BY s.starts_at DESC, s.id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .bind("clientId", clientId)
                .map(R2dbcSessions::session)
                .all();
    }

    @Override
    public Mono<Long> countUpcoming(UUID therapistId, Instant now) {
        String caseload = therapistId == null ? ""
                : " AND s.therapist_id = :therapistId AND EXISTS (SELECT 1 FROM patient_clients c"
                        + " WHERE c.client_id = s.client_id AND c.therapist_id = :therapistId)";
        GenericExecuteSpec select = database.sql("SELECT COUNT(*) AS n FROM patient_sessions s"
                + " WHERE s.status = 'SCHEDULED' AND s.starts_at >= :now" + caseload)
                .bind("now", utc(now));
        if (therapistId != null) {
            select = select.bind("therapistId", therapistId);
        }
        return select.map(row -> row.get("n", Long.class)).one();
    }

    private static Session session(Readable row) {
        String code = row.get("service_code", String.class);
        return new Session(row.get("id", UUID.class), row.get("client_id", UUID.class),
                row.get("therapist_id", UUID.class), instant(row.get("starts_at", OffsetDateTime.class)),
                row.get("duration_minutes", Integer.class), SessionType.valueOf(row.get("type", String.class)),
                Boolean.TRUE.equals(row.get("telehealth", Boolean.class)),
                SessionStatus.valueOf(row.get("status", String.class)), row.get("notes", String.class),
                code == null ? null : ServiceCode.of(code), row.get("cancel_reason", String.class),
                row.get("cancelled_late", Boolean.class), instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("updated_at", OffsetDateTime.class)));
    }
}
