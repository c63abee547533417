package app.haven.portal;

import java.time.Instant;
import java.util.UUID;

/** A client asked the practice for another therapist. Carries no reason: that stays in the portal. */
public record TherapistChangeRequested(UUID requestId, UUID clientId, UUID currentTherapistId, Instant requestedAt) {
}
