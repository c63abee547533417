package app.haven.shared;

/**
 * The caller could not be recognised (wrong email or password, a refresh token that is not valid
 * any more): it answers 401 with this message and changes nothing.
 */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String detail) {
        super(detail);
    }
}
