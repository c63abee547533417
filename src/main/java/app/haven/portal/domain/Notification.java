package app.haven.portal.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something a person should know, in their feed and on their notification stream. Title and body
 * never carry clinical content: they say what happened and where to look. {@code sourceKey} makes
 * a notification that follows from an event exactly once.
 */
public record Notification(UUID id, UUID recipientId, Kind kind, String title, String body, String subjectId,
        boolean safety, String sourceKey, Instant createdAt, Instant readAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Notification of(UUID recipientId, Kind kind, String title, String body, String subjectId,
            String sourceKey, Instant now) {
        return new Notification(UUID.randomUUID(), recipientId, kind, title, body, subjectId,
                kind == Kind.SAFETY_ALERT, sourceKey, now, null);
    }

    public enum Kind {
        WORKSHEET_ASSIGNED, WORKSHEET_DUE_SOON, WORKSHEET_OVERDUE, WORKSHEET_REVIEWED,
        SESSION_SCHEDULED, SESSION_RESCHEDULED, SESSION_CANCELLED, SESSION_REMINDER,
        PAYMENT_RECEIVED, NEW_MESSAGE, MESSAGE_DIGEST, ASSESSMENT_ASSIGNED, SAFETY_ALERT,
        CHANGE_REQUEST_DECIDED
    }
}
