package app.haven.patients;

import java.time.Instant;
import java.util.UUID;

/** A scheduled session moved or changed its length; the fields are its new time. */
public record SessionRescheduled(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt,
        int durationMinutes) {
}
