package app.haven.portal.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.ConflictException;
import app.haven.shared.InvalidInputException;

/**
 * A client asks for another therapist; staff approve (naming the new therapist) or decline. A
 * client has at most one open request.
 */
public record ChangeRequest(UUID id, UUID clientId, UUID currentTherapistId, String reason, String preferences,
        Status status, UUID newTherapistId, String decisionNote, UUID decidedBy, Instant decidedAt, Instant createdAt) {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_NOTE = 1000;

    public ChangeRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
        reason = text("reason", reason, MAX_TEXT);
        if (reason == null) {
            throw new InvalidInputException("reason", "tell the practice why, in a few words");
        }
        preferences = text("preferences", preferences, MAX_TEXT);
        decisionNote = text("note", decisionNote, MAX_NOTE);
    }

    public static ChangeRequest open(UUID clientId, UUID currentTherapistId, String reason, String preferences,
            Instant now) {
        return new ChangeRequest(UUID.randomUUID(), clientId, currentTherapistId, reason, preferences, Status.OPEN,
                null, null, null, null, now);
    }

    public ChangeRequest approved(UUID therapistId, UUID staff, String note, Instant now) {
        requireOpen();
        if (therapistId.equals(currentTherapistId)) {
            throw new InvalidInputException("therapistId", "is the client's current therapist");
        }
        return new ChangeRequest(id, clientId, currentTherapistId, reason, preferences, Status.APPROVED, therapistId,
                note, staff, now, createdAt);
    }

    public ChangeRequest declined(UUID staff, String note, Instant now) {
        requireOpen();
        return new ChangeRequest(id, clientId, currentTherapistId, reason, preferences, Status.DECLINED, null, note,
                staff, now, createdAt);
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new ConflictException("This request was already " + status.name().toLowerCase());
        }
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "is at most " + max + " characters");
        }
        return stripped;
    }

    public enum Status { OPEN, APPROVED, DECLINED }
}
