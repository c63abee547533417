package app.haven.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Something the client owes: a completed session at its code's fee, a late-cancellation or no-show
 * fee, or a charge staff entered by hand. A charge never changes once made: a later fee change
 * does not reach it. {@code sourceKey} makes a charge from an event exactly once; {@code providerId}
 * is the therapist who rendered the service, when there is one, for the superbill.
 */
public record Charge(UUID id, UUID clientId, UUID sessionId, UUID providerId, String sourceKey, Kind kind, String serviceCode,
        String description, BigDecimal amount, String currency, LocalDate serviceDate, String modifier,
        String placeOfService, UUID createdBy, Instant createdAt) {

    /** Telehealth: CPT modifier 95 and place of service 02; in the office, place of service 11. */
    public static final String TELEHEALTH_MODIFIER = "95";
    public static final String TELEHEALTH_PLACE = "02";
    public static final String OFFICE_PLACE = "11";

    public Charge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(serviceDate, "serviceDate");
        amount = Money.cents(amount);
    }

    public static Charge forSession(UUID sessionId, UUID clientId, UUID therapistId, ServiceCode code,
            boolean telehealth, LocalDate serviceDate, String currency, Instant now) {
        return new Charge(UUID.randomUUID(), clientId, sessionId, therapistId, sourceKey(sessionId, Kind.SESSION), Kind.SESSION,
                code.code(), code.description(), code.fee(), currency, serviceDate,
                telehealth ? TELEHEALTH_MODIFIER : null, telehealth ? TELEHEALTH_PLACE : OFFICE_PLACE, null, now);
    }

    public static Charge fee(Kind kind, UUID sessionId, UUID clientId, UUID therapistId, BigDecimal amount,
            LocalDate serviceDate, String currency, Instant now) {
        String description = kind == Kind.LATE_CANCEL ? "Late cancellation fee" : "Missed session fee";
        return new Charge(UUID.randomUUID(), clientId, sessionId, therapistId, sourceKey(sessionId, kind), kind, null,
                description,
                amount, currency, serviceDate, null, null, null, now);
    }

    public static Charge manual(UUID clientId, ServiceCode code, BigDecimal amount, LocalDate serviceDate,
            UUID sessionId, UUID providerId, String currency, UUID staff, Instant now) {
        return new Charge(UUID.randomUUID(), clientId, sessionId, providerId, null, Kind.MANUAL, code.code(), code.description(),
                amount == null ? code.fee() : amount, currency, serviceDate, null, OFFICE_PLACE, staff, now);
    }

    static String sourceKey(UUID sessionId, Kind kind) {
        return "session:" + sessionId + ":" + kind;
    }

    /** A service with a CPT code, which a superbill lists; fees for late cancellations and no-shows are not. */
    public boolean billable() {
        return serviceCode != null;
    }

    public enum Kind { SESSION, LATE_CANCEL, NO_SHOW, MANUAL }
}
