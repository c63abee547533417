package app.haven.shared;

/** An upload went past its size limit: it answers 413, and nothing of it is kept. */
public class ContentTooLargeException extends RuntimeException {

    public ContentTooLargeException(String detail) {
        super(detail);
    }
}
