package app.haven.shared;

/**
 * The object does not exist, or exists but is not the caller's to see: both answer 404, so ids
 * cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
