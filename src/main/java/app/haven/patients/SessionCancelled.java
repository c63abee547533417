package app.haven.patients;

import java.time.Instant;
import java.util.UUID;

/**
 * A scheduled session was cancelled; {@code late} when it happened less than 24 hours before the
 * start (a late-cancellation fee may apply). The reason stays in patients: it may be clinical.
 */
public record SessionCancelled(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt, boolean late,
        Instant cancelledAt) {
}
