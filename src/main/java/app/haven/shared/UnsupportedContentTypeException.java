package app.haven.shared;

import java.util.Collection;
import java.util.List;

/**
 * The bytes of an upload are of a type Haven does not take (decided from the content, never from
 * the name): it answers 415 listing the accepted types, and nothing of it is kept.
 */
public class UnsupportedContentTypeException extends RuntimeException {

    private final List<String> accepted;

    public UnsupportedContentTypeException(String detail, Collection<String> accepted) {
        super(detail);
        this.accepted = List.copyOf(accepted);
    }

    public List<String> accepted() {
        return accepted;
    }
}
