package app.haven.messaging.domain;

import java.util.regex.Pattern;

import app.haven.shared.InvalidInputException;

/** The emoji a reaction may carry: a short symbol, stored as a key, so no dots, dollars or spaces. */
public final class Reactions {

    private static final Pattern EMOJI = Pattern.compile("[^\\s.$]{1,32}");

    private Reactions() {
    }

    public static String requireEmoji(String emoji) {
        if (emoji == null || !EMOJI.matcher(emoji).matches()) {
            throw new InvalidInputException("emoji", "An emoji is 1 to 32 characters without spaces, dots or dollars");
        }
        return emoji;
    }
}
