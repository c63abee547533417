package app.haven.identity.domain;

import app.haven.shared.InvalidInputException;

/**
 * What a password must be: long enough to resist guessing, short enough to hash in bounded time.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static String check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidInputException("A password has at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException("A password has at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new InvalidInputException("A password is not only spaces");
        }
        return password;
    }
}
