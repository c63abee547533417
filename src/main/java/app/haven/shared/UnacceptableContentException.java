package app.haven.shared;

/** Content that is well-formed but refused (a scanner flagged an upload): it answers 422 and changes nothing. */
public class UnacceptableContentException extends RuntimeException {

    public UnacceptableContentException(String detail) {
        super(detail);
    }
}
