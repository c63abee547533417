package app.haven.identity.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a sign-in, stored as its hash. Each use replaces it by a new one of the
 * same family; a token used twice means it was copied, and the whole family is revoked.
 */
public record RefreshToken(String hash, UUID familyId, UUID accountId, Instant issuedAt, Instant expiresAt,
        Instant usedAt, Instant revokedAt) {

    public boolean wasUsedOrRevoked() {
        return usedAt != null || revokedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
