package app.haven.patients;

import java.time.Instant;
import java.util.UUID;

/**
 * A session was put in the calendar. {@code type} is INTAKE, INDIVIDUAL, FAMILY or GROUP.
 * Listeners key on {@code sessionId}.
 */
public record SessionScheduled(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt,
        int durationMinutes, String type, boolean telehealth) {
}
