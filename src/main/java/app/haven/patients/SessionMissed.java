package app.haven.patients;

import java.time.Instant;
import java.util.UUID;

/** The client did not come to a scheduled session (a no-show fee may apply). */
public record SessionMissed(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt, Instant recordedAt) {
}
