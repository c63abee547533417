package app.haven.billing.domain;

import java.math.BigDecimal;

/**
 * Sums of a client's ledger: all charges, payments that took money (even those refunded later),
 * and refunds. The balance is what is owed: charges - payments + refunds.
 */
public record Totals(BigDecimal charges, BigDecimal payments, BigDecimal refunds) {

    public Totals {
        charges = Money.cents(charges);
        payments = Money.cents(payments);
        refunds = Money.cents(refunds);
    }

    public BigDecimal balance() {
        return charges.subtract(payments).add(refunds);
    }
}
