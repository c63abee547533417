package app.haven.billing.domain;

import app.haven.shared.InvalidInputException;

/**
 * A National Provider Identifier: ten digits whose last is a Luhn check digit computed with the
 * prefix 80840, as CMS defines it. A mistyped NPI gets a claim rejected, so it is refused here.
 */
public record Npi(String value) {

    private static final String CARD_ISSUER_PREFIX = "80840";

    public Npi {
        if (value == null || !value.matches("[0-9]{10}")) {
            throw new InvalidInputException("npi", "must be ten digits");
        }
        if (!luhnValid(CARD_ISSUER_PREFIX + value)) {
            throw new InvalidInputException("npi", "has a wrong check digit; check it for a typing error");
        }
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
