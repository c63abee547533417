package app.haven.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.ConflictException;

/**
 * Money received, or a card the gateway declined (recorded, changing nothing). A refund reverses a
 * completed payment once.
 */
public record Payment(UUID id, UUID clientId, BigDecimal amount, String currency, Method method, Status status,
        String confirmationNumber, String gatewayReference, String declineReason, UUID receivedBy,
        Instant receivedAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(confirmationNumber, "confirmationNumber");
        amount = Money.cents(amount);
    }

    public Payment refunded() {
        if (status != Status.COMPLETED) {
            throw new ConflictException(status == Status.REFUNDED ? "The payment is already refunded"
                    : "A declined payment took no money to refund");
        }
        return new Payment(id, clientId, amount, currency, method, Status.REFUNDED, confirmationNumber,
                gatewayReference, declineReason, receivedBy, receivedAt);
    }

    public enum Method { CARD, CASH, CHECK, INSURANCE }

    public enum Status { COMPLETED, DECLINED, REFUNDED }
}
