package app.haven.billing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.InvalidInputException;

/**
 * A therapist's billing details, which a superbill prints beside their name: credentials (LCSW,
 * PhD, LMFT) and NPI. Either may still be missing; a superbill then says so.
 */
public record Provider(UUID therapistId, String credentials, String npi, UUID updatedBy, Instant updatedAt) {

    public static final int MAX_CREDENTIALS = 40;

    public Provider {
        Objects.requireNonNull(therapistId, "therapistId");
        credentials = credentials == null || credentials.isBlank() ? null : credentials.strip();
        if (credentials != null && !credentials.matches("[\\p{L}0-9 .,/()-]{1," + MAX_CREDENTIALS + "}")) {
            throw new InvalidInputException("credentials",
                    "must be at most " + MAX_CREDENTIALS + " letters, digits, spaces and . , / ( ) -");
        }
        npi = npi == null || npi.isBlank() ? null : new Npi(npi.strip()).value();
    }

    public static Provider unknown(UUID therapistId) {
        return new Provider(therapistId, null, null, null, null);
    }
}
