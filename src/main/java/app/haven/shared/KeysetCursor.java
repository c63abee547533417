package app.haven.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The opaque cursors of Haven's relational lists: the sort key and id of the last row handed
 * out, so the next page starts right after it whatever was added in between.
 */
public final class KeysetCursor {

    private KeysetCursor() {
    }

    public static String encode(Instant key, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The position the cursor names, or null without a cursor. */
    public static <T> T decode(String cursor, BiFunction<Instant, UUID, T> position) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return position.apply(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "The cursor is not one this list handed out");
        }
    }
}
