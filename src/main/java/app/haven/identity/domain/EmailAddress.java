package app.haven.identity.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import app.haven.shared.InvalidInputException;

/**
 * An email address in its one stored form: trimmed and lower-cased, so {@code Ana@Example.org}
 * and {@code ana@example.org } are the same account.
 */
public record EmailAddress(String value) {

    /** The shape of an address once trimmed: a local part, one {@code @}, a domain with a dot. */
    public static final String SHAPE_REGEX = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";
    /** The same shape before trimming, for checking request fields, which arrive untrimmed. */
    public static final String UNTRIMMED_SHAPE_REGEX = "\\s*" + SHAPE_REGEX + "\\s*";

    private static final Pattern SHAPE = Pattern.compile(SHAPE_REGEX);
    private static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new InvalidInputException("That is not an email address");
        }
    }

    public static EmailAddress of(String raw) {
        return new EmailAddress(raw == null ? null : raw.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
