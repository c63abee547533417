package app.haven.billing.adapter.out.gateway;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.haven.billing.application.port.out.PaymentGateway;
import reactor.core.publisher.Mono;

/**
 * The processor's test mode, in process: test card tokens decide the answer the way processors'
 * sandboxes do. {@code tok_visa} and {@code tok_mastercard} are approved; {@code tok_chargeDeclined}
 * and {@code tok_insufficientFunds} are declined; any other token is declined as unknown. A real
 * processor's adapter replaces this one behind the same port.
 */
@Component
class SandboxPaymentGateway implements PaymentGateway {

    @Override
    public Mono<Outcome> charge(String cardToken, BigDecimal amount, String currency, UUID paymentId) {
        return Mono.fromSupplier(() -> switch (cardToken) {
            case "tok_visa", "tok_mastercard" -> Outcome.approved("sandbox_" + paymentId);
            case "tok_chargeDeclined" -> Outcome.declined("The card was declined");
            case "tok_insufficientFunds" -> Outcome.declined("The card has insufficient funds");
            default -> Outcome.declined("The card token is not one the processor knows");
        });
    }
}
