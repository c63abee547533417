package app.haven.identity.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the sign-in audit: what happened, to which account (none for an unknown email),
 * from which address and client, when.
 */
public record SecurityEvent(UUID id, SecurityEventType type, UUID accountId, String address, String userAgent,
        Instant occurredAt) {

    public static SecurityEvent of(SecurityEventType type, UUID accountId, String address, String userAgent,
            Instant at) {
        return new SecurityEvent(UUID.randomUUID(), type, accountId, address, userAgent, at);
    }
}
