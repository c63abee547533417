package app.haven.patients;

import java.time.Instant;
import java.util.UUID;

/**
 * An assignment ended, because another therapist took over or the care ended. Listeners key on
 * {@code assignmentId}.
 */
public record TherapistUnassigned(UUID assignmentId, UUID clientId, UUID therapistId, Instant endedAt,
        String endReason) {
}
