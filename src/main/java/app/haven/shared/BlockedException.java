package app.haven.shared;

/**
 * The person being written to has blocked the caller: answers 403 with a problem type of its own,
 * so apps can tell it from a missing permission.
 */
public class BlockedException extends RuntimeException {

    public BlockedException() {
        super("This person has blocked you");
    }
}
