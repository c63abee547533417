package app.haven.patients;

import java.time.Instant;
import java.util.UUID;

/**
 * A therapist became the client's therapist. Listeners key on {@code assignmentId}: the same
 * assignment may be delivered more than once.
 */
public record TherapistAssigned(UUID assignmentId, UUID clientId, UUID therapistId, Instant assignedAt) {
}
