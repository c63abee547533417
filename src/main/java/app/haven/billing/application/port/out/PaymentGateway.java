package app.haven.billing.application.port.out;

import java.math.BigDecimal;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** Takes card payments through a processor. */
public interface PaymentGateway {

    /** Charges the card the token stands for; a decline is an answer, not an error. */
    Mono<Outcome> charge(String cardToken, BigDecimal amount, String currency, UUID paymentId);

    record Outcome(boolean approved, String reference, String declineReason) {

        public static Outcome approved(String reference) {
            return new Outcome(true, reference, null);
        }

        public static Outcome declined(String reason) {
            return new Outcome(false, null, reason);
        }
    }
}
