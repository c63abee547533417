package app.haven.patients.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.ConflictException;
import app.haven.shared.InvalidInputException;

/**
 * An appointment between a client and their therapist. It is scheduled (and may be moved) until
 * it is completed, cancelled or missed. The notes are psychotherapy notes: the use cases show them
 * to the assigned therapist only.
 */
public record Session(UUID id, UUID clientId, UUID therapistId, Instant startsAt, int durationMinutes,
        SessionType type, boolean telehealth, SessionStatus status, String notes, ServiceCode serviceCode,
        String cancelReason, Boolean cancelledLate, Instant createdAt, Instant updatedAt) {

    public static final int MAX_MINUTES = 480;
    /** A cancellation closer to the start than this is late (and may carry a fee). */
    public static final Duration LATE_CANCELLATION = Duration.ofHours(24);
    static final String REASSIGNED = "The client moved to another therapist";

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        requireDuration(durationMinutes);
    }

    public static Session schedule(UUID clientId, UUID therapistId, Instant startsAt, int durationMinutes,
            SessionType type, boolean telehealth, Instant now) {
        return new Session(UUID.randomUUID(), clientId, therapistId, startsAt, durationMinutes, type, telehealth,
                SessionStatus.SCHEDULED, null, null, null, null, now, now);
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    /** Moves the session; {@code null} keeps the start or the length as they are. */
    public Session reschedule(Instant newStart, Integer newDuration, Instant now) {
        requireScheduled("moved");
        return new Session(id, clientId, therapistId, newStart == null ? startsAt : newStart,
                newDuration == null ? durationMinutes : newDuration, type, telehealth, status, notes, serviceCode,
                cancelReason, cancelledLate, createdAt, now);
    }

    public Session withNotes(String newNotes, Instant now) {
        return new Session(id, clientId, therapistId, startsAt, durationMinutes, type, telehealth, status, newNotes,
                serviceCode, cancelReason, cancelledLate, createdAt, now);
    }

    /**
     * Completes the session with the therapist's notes, billed under {@code code}, or under the
     * code its type and length decide.
     */
    public Session complete(String sessionNotes, ServiceCode code, Instant now) {
        requireScheduled("completed");
        ServiceCode billed = code != null ? code : ServiceCode.derive(type, durationMinutes)
                .orElseThrow(() -> new InvalidInputException("A " + durationMinutes
                        + "-minute individual session has no service code of its own; give one"));
        return new Session(id, clientId, therapistId, startsAt, durationMinutes, type, telehealth,
                SessionStatus.COMPLETED, sessionNotes, billed, cancelReason, cancelledLate, createdAt, now);
    }

    /** Cancels the session; it is late when it happens less than a day before the start. */
    public Session cancel(String reason, Instant now) {
        requireScheduled("cancelled");
        boolean late = now.isAfter(startsAt.minus(LATE_CANCELLATION));
        return new Session(id, clientId, therapistId, startsAt, durationMinutes, type, telehealth,
                SessionStatus.CANCELLED, notes, serviceCode, reason, late, createdAt, now);
    }

    /**
     * Calls the session off because the client changed therapist: never late, as nobody chose
     * to miss it.
     */
    public Session withdrawnOnReassignment(Instant now) {
        requireScheduled("withdrawn");
        return new Session(id, clientId, therapistId, startsAt, durationMinutes, type, telehealth,
                SessionStatus.CANCELLED, notes, serviceCode, REASSIGNED, false, createdAt, now);
    }

    public Session missed(Instant now) {
        requireScheduled("marked as missed");
        return new Session(id, clientId, therapistId, startsAt, durationMinutes, type, telehealth,
                SessionStatus.NO_SHOW, notes, serviceCode, cancelReason, cancelledLate, createdAt, now);
    }

    /** Whether both sessions would hold the same therapist at the same time; touching ends do not overlap. */
    public boolean overlaps(Session other) {
        return startsAt.isBefore(other.endsAt()) && other.startsAt.isBefore(endsAt());
    }

    private void requireScheduled(String change) {
        if (status != SessionStatus.SCHEDULED) {
            throw new ConflictException("The session is " + status + " and can no longer be " + change);
        }
    }

    private static void requireDuration(int minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new InvalidInputException("A session lasts between 1 and " + MAX_MINUTES + " minutes");
        }
    }
}
