package app.haven.messaging.application;

/**
 * A live stream ended because its subscriber read more slowly than events arrived and its buffer
 * filled: it resumes with {@code since} set to the last cursor it received, and loses nothing.
 */
public class FellBehindException extends RuntimeException {

    FellBehindException(int buffer) {
        super("You fell more than " + buffer + " events behind; subscribe again with since set to the last cursor you received");
    }
}
