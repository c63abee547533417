package app.haven.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A client owes something new ({@code sessionId} when it came from a session). */
public record ChargeCreated(UUID chargeId, UUID clientId, UUID sessionId, String kind, BigDecimal amount,
        String currency, LocalDate serviceDate) {
}
