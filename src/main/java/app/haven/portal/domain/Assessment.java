package app.haven.portal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.ConflictException;
import app.haven.shared.InvalidInputException;

/**
 * A questionnaire the client's therapist assigned, and once answered its score. A recurring one
 * assigns the next of its kind when it is answered, due {@code recurrenceWeeks} later.
 */
public record Assessment(UUID id, UUID clientId, UUID therapistId, Instrument instrument, Status status,
        LocalDate dueDate, Integer recurrenceWeeks, List<Integer> answers, Integer score,
        Instrument.Severity severity, boolean safetyFlag, Instant assignedAt, Instant completedAt) {

    public Assessment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(status, "status");
        answers = answers == null ? null : List.copyOf(answers);
        if (recurrenceWeeks != null && (recurrenceWeeks < 1 || recurrenceWeeks > 52)) {
            throw new InvalidInputException("recurrenceWeeks", "must be 1 to 52");
        }
    }

    public static Assessment assign(UUID clientId, UUID therapistId, Instrument instrument, LocalDate dueDate,
            Integer recurrenceWeeks, Instant now, ZoneId zone) {
        if (dueDate != null && dueDate.isBefore(LocalDate.ofInstant(now, zone))) {
            throw new InvalidInputException("dueDate", "must not be in the past");
        }
        return new Assessment(UUID.randomUUID(), clientId, therapistId, instrument, Status.ASSIGNED, dueDate,
                recurrenceWeeks, null, null, null, false, now, null);
    }

    public Assessment answered(List<Integer> given, Instant now) {
        if (status != Status.ASSIGNED) {
            throw new ConflictException("This questionnaire is already answered");
        }
        Instrument.Result result = instrument.score(given);
        return new Assessment(id, clientId, therapistId, instrument, Status.COMPLETED, dueDate, recurrenceWeeks, given,
                result.score(), result.severity(), result.safetyFlag(), assignedAt, now);
    }

    /** The next of a recurring series, due one interval after this one was due (or answered). */
    public Assessment next(Instant now, ZoneId zone) {
        LocalDate from = dueDate != null ? dueDate : LocalDate.ofInstant(now, zone);
        return new Assessment(UUID.randomUUID(), clientId, therapistId, instrument, Status.ASSIGNED,
                from.plusWeeks(recurrenceWeeks), recurrenceWeeks, null, null, null, false, now, null);
    }

    public boolean recurs() {
        return recurrenceWeeks != null;
    }

    public enum Status { ASSIGNED, COMPLETED }
}
