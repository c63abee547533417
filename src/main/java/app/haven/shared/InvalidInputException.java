package app.haven.shared;

import java.util.Optional;

/**
 * What the caller sent breaks a rule (a person assigned as their own therapist, a cursor this
 * list never handed out): it answers 400 with this message, written for people, and changes
 * nothing. When the rule concerns one field of the request, the answer names it under
 * {@code errors}. Other {@link IllegalArgumentException}s are bugs and answer 500.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String detail) {
        this(null, detail);
    }

    public InvalidInputException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
