package app.haven.shared;

import java.util.List;

/**
 * One page of a list, as every list route answers: the items and the opaque cursor of the next
 * page, {@code null} on the last one.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
    }

    public static <T> CursorPage<T> last(List<T> items) {
        return new CursorPage<>(items, null);
    }
}
