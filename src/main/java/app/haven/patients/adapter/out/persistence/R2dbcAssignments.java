package app.haven.patients.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import app.haven.patients.application.port.out.Assignments;
import app.haven.patients.domain.Assignment;
import app.haven.patients.domain.EndReason;
import app.haven.shared.ConflictException;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Assignments in the relational store. {@code active_client_id} carries the client id only while
 * the assignment is active; its unique constraint is the "one active assignment per client" rule,
 * written portably (H2 has no partial indexes).
 */
@Repository
class R2dbcAssignments implements Assignments {

    private static final String COLUMNS = "id, client_id, therapist_id, assigned_at, ended_at, end_reason";

    private final DatabaseClient database;

    R2dbcAssignments(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Assignment> lockActiveOf(UUID clientId) {
        return database.sql("SELECT " + COLUMNS + " FROM patient_assignments WHERE active_client_id = :clientId FOR UPDATE")
                .bind("clientId", clientId)
                .map(R2dbcAssignments::assignment)
                .one();
    }

    @Override
    public Mono<Assignment> activeOf(UUID clientId) {
        return database.sql("SELECT " + COLUMNS + " FROM patient_assignments WHERE active_client_id = :clientId")
                .bind("clientId", clientId)
                .map(R2dbcAssignments::assignment)
                .one();
    }

    @Override
    public Flux<Assignment> activeFor(UUID therapistId) {
        return database.sql("SELECT " + COLUMNS
                        + " FROM patient_assignments WHERE therapist_id = :therapistId AND ended_at IS NULL")
                .bind("therapistId", therapistId)
                .map(R2dbcAssignments::assignment)
                .all();
    }

    @Override
    public Mono<Void> add(Assignment assignment) {
        return database.sql("""
                        INSERT INTO patient_assignments (id, client_id, therapist_id, assigned_at, active_client_id)
                        VALUES (:id, :clientId, :therapistId, :assignedAt, :clientId)""")
                .bind("id", assignment.id())
                .bind("clientId", assignment.clientId())
                .bind("therapistId", assignment.therapistId())
                .bind("assignedAt", utc(assignment.assignedAt()))
                .then()
                .onErrorMap(DuplicateKeyException.class,
                        e -> new ConflictException("The client's assignment changed at the same time; try again."));
    }

    @Override
    public Mono<Void> ended(Assignment assignment) {
        return database.sql("""
                        UPDATE patient_assignments
                        SET ended_at = :endedAt, end_reason = :endReason, active_client_id = NULL
                        WHERE id = :id AND ended_at IS NULL""")
                .bind("id", assignment.id())
                .bind("endedAt", utc(assignment.endedAt()))
                .bind("endReason", assignment.endReason().name())
                .then();
    }

    private static Assignment assignment(Readable row) {
        String endReason = row.get("end_reason", String.class);
        return new Assignment(row.get("id", UUID.class), row.get("client_id", UUID.class),
                row.get("therapist_id", UUID.class), instant(row.get("assigned_at", OffsetDateTime.class)),
                instant(row.get("ended_at", OffsetDateTime.class)),
                endReason == null ? null : EndReason.valueOf(endReason));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
