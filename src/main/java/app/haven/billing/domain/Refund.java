package app.haven.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The reversing entry of a refunded payment: the amount goes back on the client's balance. */
public record Refund(UUID id, UUID paymentId, BigDecimal amount, Instant refundedAt) {

    public Refund {
        amount = Money.cents(amount);
    }
}
