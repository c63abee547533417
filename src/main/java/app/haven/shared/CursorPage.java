package app.haven.shared;

import java.util.List;
import java.util.function.Function;

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

    /**
     * The page from rows fetched one beyond {@code limit}: that extra row only says another page
     * follows, whose cursor is that of the page's last item.
     */
    public static <T> CursorPage<T> ofOneExtra(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return last(fetched);
        }
        List<T> page = fetched.subList(0, limit);
        return new CursorPage<>(page, cursorOf.apply(page.get(limit - 1)));
    }
}
