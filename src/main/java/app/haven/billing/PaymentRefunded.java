package app.haven.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Staff refunded a payment; the amount is owed again. */
public record PaymentRefunded(UUID paymentId, UUID clientId, BigDecimal amount, String currency, Instant refundedAt) {
}
