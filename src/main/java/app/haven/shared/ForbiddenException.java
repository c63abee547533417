package app.haven.shared;

/**
 * The caller is known but may not do this, whatever the object (an account that is not yet
 * confirmed, a role that never may): it answers 403. For someone else's object, answer
 * {@link NotFoundException} instead, so ids cannot be probed.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
