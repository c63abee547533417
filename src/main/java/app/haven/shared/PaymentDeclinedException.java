package app.haven.shared;

import java.util.Map;

/**
 * The processor declined a payment: 402 with the recorded payment's id, confirmation number and
 * the reason, so the payer can try another card; the balance is unchanged.
 */
public class PaymentDeclinedException extends RuntimeException {

    private final Map<String, Object> payment;

    public PaymentDeclinedException(String reason, Map<String, Object> payment) {
        super(reason);
        this.payment = Map.copyOf(payment);
    }

    public Map<String, Object> payment() {
        return payment;
    }
}
