package app.haven.portal.adapter.out.persistence;

import static app.haven.portal.adapter.out.persistence.Sql.instant;
import static app.haven.portal.adapter.out.persistence.Sql.nullable;
import static app.haven.portal.adapter.out.persistence.Sql.utc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import app.haven.portal.application.port.out.AssessmentStore;
import app.haven.portal.domain.Assessment;
import app.haven.portal.domain.Instrument;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Answers are kept as their digits, comma-separated: nine at most, each 0 to 3. */
@Repository
class R2dbcAssessments implements AssessmentStore {

    private static final String COLUMNS = """
            id, client_id, therapist_id, instrument, status, due_date, recurrence_weeks, answers, score, severity,
            safety_flag, assigned_at, completed_at""";

    private final DatabaseClient database;

    R2dbcAssessments(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> add(Assessment assessment) {
        return values(database.sql("INSERT INTO portal_assessments (" + COLUMNS + """
                ) VALUES (:id, :clientId, :therapistId, :instrument, :status, :dueDate, :recurrenceWeeks, :answers,
                    :score, :severity, :safetyFlag, :assignedAt, :completedAt)"""), assessment).then();
    }

    @Override
    public Mono<Void> save(Assessment assessment) {
        return values(database.sql("""
                UPDATE portal_assessments SET client_id = :clientId, therapist_id = :therapistId,
                    instrument = :instrument, status = :status, due_date = :dueDate, recurrence_weeks = :recurrenceWeeks,
                    answers = :answers, score = :score, severity = :severity, safety_flag = :safetyFlag,
                    assigned_at = :assignedAt, completed_at = :completedAt
                WHERE id = :id"""), assessment).then();
    }

    @Override
    public Mono<Assessment> lock(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM portal_assessments WHERE id = :id FOR UPDATE")
                .bind("id", id).map(R2dbcAssessments::assessment).one();
    }

    @Override
    public Flux<Assessment> ofClient(UUID clientId, int limit) {
        return database.sql("SELECT " + COLUMNS + " FROM portal_assessments WHERE client_id = :clientId"
                        + " ORDER BY assigned_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .bind("clientId", clientId).map(R2dbcAssessments::assessment).all();
    }

    private static GenericExecuteSpec values(GenericExecuteSpec spec, Assessment assessment) {
        spec = spec.bind("id", assessment.id()).bind("clientId", assessment.clientId())
                .bind("therapistId", assessment.therapistId()).bind("instrument", assessment.instrument().name())
                .bind("status", assessment.status().name()).bind("safetyFlag", assessment.safetyFlag())
                .bind("assignedAt", utc(assessment.assignedAt()));
        spec = nullable(spec, "dueDate", assessment.dueDate(), LocalDate.class);
        spec = nullable(spec, "recurrenceWeeks", assessment.recurrenceWeeks(), Integer.class);
        spec = nullable(spec, "answers", assessment.answers() == null ? null
                : assessment.answers().stream().map(String::valueOf).collect(Collectors.joining(",")), String.class);
        spec = nullable(spec, "score", assessment.score(), Integer.class);
        spec = nullable(spec, "severity", assessment.severity() == null ? null : assessment.severity().name(),
                String.class);
        return nullable(spec, "completedAt", utc(assessment.completedAt()), OffsetDateTime.class);
    }

    private static Assessment assessment(Readable row) {
        String answers = row.get("answers", String.class);
        String severity = row.get("severity", String.class);
        List<Integer> given = answers == null ? null : Arrays.stream(answers.split(",")).map(Integer::valueOf).toList();
        return new Assessment(row.get("id", UUID.class), row.get("client_id", UUID.class),
                row.get("therapist_id", UUID.class), Instrument.valueOf(row.get("instrument", String.class)),
                Assessment.Status.valueOf(row.get("status", String.class)), row.get("due_date", LocalDate.class),
                row.get("recurrence_weeks", Integer.class), given, row.get("score", Integer.class),
                severity == null ? null : Instrument.Severity.valueOf(severity), row.get("safety_flag", Boolean.class),
                instant(row.get("assigned_at", OffsetDateTime.class)),
                instant(row.get("completed_at", OffsetDateTime.class)));
    }
}
