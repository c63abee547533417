package app.haven.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment went through. */
public record PaymentReceived(UUID paymentId, UUID clientId, BigDecimal amount, String currency, String method,
        Instant receivedAt) {
}
