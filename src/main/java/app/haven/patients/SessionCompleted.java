package app.haven.patients;

import java.time.Instant;
import java.util.UUID;

/**
 * A session took place: what billing needs to charge it once, keyed on {@code sessionId}. A
 * telehealth session is billed with modifier 95 and place of service 02. Never carries notes.
 */
public record SessionCompleted(UUID sessionId, UUID clientId, UUID therapistId, String serviceCode, int minutes,
        boolean telehealth, Instant startsAt, Instant completedAt) {
}
