package app.haven.shared;

/**
 * The request is well formed but clashes with the current state (a duplicate, a wrong status);
 * it answers 409 and changes nothing.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
