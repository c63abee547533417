package app.haven.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import app.haven.shared.InvalidInputException;

/** Amounts of money: exact decimals with two places, never floating point. */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");
    /** The largest single amount Haven takes: NUMERIC(10, 2). */
    public static final BigDecimal MAX = new BigDecimal("99999999.99");

    private Money() {
    }

    /** A positive amount with at most two decimals, as given by a person; refused otherwise. */
    public static BigDecimal positive(String field, BigDecimal amount) {
        Objects.requireNonNull(amount, field);
        if (amount.signum() <= 0) {
            throw new InvalidInputException(field, "must be more than zero");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "must have at most two decimals");
        }
        if (amount.compareTo(MAX) > 0) {
            throw new InvalidInputException(field, "must be at most " + MAX.toPlainString());
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The amount with exactly two decimals, as stored and shown. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
