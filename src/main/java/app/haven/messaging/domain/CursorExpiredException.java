package app.haven.messaging.domain;

/**
 * A live stream cannot resume from the cursor it was given (never handed out, or too far back):
 * the app reloads from REST and subscribes afresh.
 */
public class CursorExpiredException extends RuntimeException {

    public CursorExpiredException(String message) {
        super(message);
    }
}
