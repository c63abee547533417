package app.haven.shared;

/**
 * The access token a long-lived stream was opened with has expired: the stream ends with this
 * error, and the client reconnects with a fresh token (and its last cursor, so nothing is missed).
 */
public class SessionExpiredException extends RuntimeException {

    public SessionExpiredException() {
        super("The access token expired: reconnect with a fresh token");
    }
}
