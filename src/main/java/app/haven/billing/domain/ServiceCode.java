package app.haven.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A CPT code the practice bills, with the fee charged for it from now on. */
public record ServiceCode(String code, String description, int minutes, BigDecimal fee) {

    public ServiceCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        fee = Money.cents(fee);
    }

    public ServiceCode withFee(BigDecimal newFee) {
        return new ServiceCode(code, description, minutes, newFee);
    }
}
