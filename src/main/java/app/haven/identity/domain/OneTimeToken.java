package app.haven.identity.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A mailed token as stored: only its hash, whom it is for, what for, until when, and whether it
 * was used. The token itself exists only in the mail.
 */
public record OneTimeToken(String hash, UUID accountId, TokenPurpose purpose, Instant expiresAt, Instant usedAt) {

    public boolean isUsableFor(TokenPurpose wanted, Instant now) {
        return purpose == wanted && usedAt == null && now.isBefore(expiresAt);
    }
}
