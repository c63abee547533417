package app.haven.patients.adapter.out.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import app.haven.patients.application.port.out.TherapistRoster;
import app.haven.shared.ConflictException;
import reactor.core.publisher.Mono;

@Repository
class R2dbcTherapistRoster implements TherapistRoster {

    private final DatabaseClient database;

    R2dbcTherapistRoster(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> addIfAbsent(UUID therapistId, Instant now) {
        return database.sql("""
                        INSERT INTO patient_therapists (therapist_id, created_at) VALUES (:id, :createdAt)
                        ON CONFLICT DO NOTHING""")
                .bind("id", therapistId)
                .bind("createdAt", R2dbcClientRecords.utc(now))
                .then();
    }

    @Override
    public Mono<Void> lockCalendar(UUID therapistId) {
        return database.sql("SELECT therapist_id FROM patient_therapists WHERE therapist_id = :id FOR UPDATE")
                .bind("id", therapistId)
                .map(row -> row.get("therapist_id", UUID.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new ConflictException("The therapist is not on the practice's roster")))
                .then();
    }
}
