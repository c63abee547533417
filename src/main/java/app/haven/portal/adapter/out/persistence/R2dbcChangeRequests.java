package app.haven.portal.adapter.out.persistence;

import static app.haven.portal.adapter.out.persistence.Sql.instant;
import static app.haven.portal.adapter.out.persistence.Sql.nullable;
import static app.haven.portal.adapter.out.persistence.Sql.utc;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import app.haven.portal.application.port.out.ChangeRequestStore;
import app.haven.portal.domain.ChangeRequest;
import app.haven.shared.ConflictException;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code open_client_id} is set while a request is open; its unique constraint allows one per client. */
@Repository
class R2dbcChangeRequests implements ChangeRequestStore {

    private static final String COLUMNS = """
            id, client_id, open_client_id, current_therapist_id, reason, preferences, status, new_therapist_id,
            decision_note, decided_by, decided_at, created_at""";

    private final DatabaseClient database;

    R2dbcChangeRequests(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> add(ChangeRequest request) {
        return values(database.sql("INSERT INTO portal_change_requests (" + COLUMNS + """
                ) VALUES (:id, :clientId, :openClientId, :currentTherapistId, :reason, :preferences, :status,
                    :newTherapistId, :decisionNote, :decidedBy, :decidedAt, :createdAt)"""), request).then()
                .onErrorMap(DuplicateKeyException.class,
                        open -> new ConflictException("You already have a request waiting for the practice"));
    }

    @Override
    public Mono<Void> save(ChangeRequest request) {
        return values(database.sql("""
                UPDATE portal_change_requests SET client_id = :clientId, open_client_id = :openClientId,
                    current_therapist_id = :currentTherapistId, reason = :reason, preferences = :preferences,
                    status = :status, new_therapist_id = :newTherapistId, decision_note = :decisionNote,
                    decided_by = :decidedBy, decided_at = :decidedAt, created_at = :createdAt
                WHERE id = :id"""), request).then();
    }

    @Override
    public Mono<ChangeRequest> lock(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM portal_change_requests WHERE id = :id FOR UPDATE")
                .bind("id", id).map(R2dbcChangeRequests::request).one();
    }

    @Override
    public Flux<ChangeRequest> list(ChangeRequest.Status status, UUID clientId, int limit) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        if (status != null) {
            where.add("status = :status");
        }
        if (clientId != null) {
            where.add("client_id = :clientId");
        }
        GenericExecuteSpec select = database.sql("SELECT " + COLUMNS + " FROM portal_change_requests WHERE "
                + String.join(" AND ", where) + " ORDER BY created_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY");
        if (status != null) {
            select = select.bind("status", status.name());
        }
        if (clientId != null) {
            select = select.bind("clientId", clientId);
        }
        return select.map(R2dbcChangeRequests::request).all();
    }

    private static GenericExecuteSpec values(GenericExecuteSpec spec, ChangeRequest request) {
        spec = spec.bind("id", request.id()).bind("clientId", request.clientId()).bind("reason", request.reason())
                .bind("status", request.status().name()).bind("createdAt", utc(request.createdAt()));
        spec = nullable(spec, "openClientId", request.status() == ChangeRequest.Status.OPEN ? request.clientId() : null,
                UUID.class);
        spec = nullable(spec, "currentTherapistId", request.currentTherapistId(), UUID.class);
        spec = nullable(spec, "preferences", request.preferences(), String.class);
        spec = nullable(spec, "newTherapistId", request.newTherapistId(), UUID.class);
        spec = nullable(spec, "decisionNote", request.decisionNote(), String.class);
        spec = nullable(spec, "decidedBy", request.decidedBy(), UUID.class);
        return nullable(spec, "decidedAt", utc(request.decidedAt()), OffsetDateTime.class);
    }

    private static ChangeRequest request(Readable row) {
        return new ChangeRequest(row.get("id", UUID.class), row.get("client_id", UUID.class),
                row.get("current_therapist_id", UUID.class), row.get("reason", String.class),
                row.get("preferences", String.class), ChangeRequest.Status.valueOf(row.get("status", String.class)),
                row.get("new_therapist_id", UUID.class), row.get("decision_note", String.class),
                row.get("decided_by", UUID.class), instant(row.get("decided_at", OffsetDateTime.class)),
                instant(row.get("created_at", OffsetDateTime.class)));
    }
}
