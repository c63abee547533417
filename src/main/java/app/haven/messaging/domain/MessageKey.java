package app.haven.messaging.domain;

import java.util.regex.Pattern;

import app.haven.shared.NotFoundException;

/**
 * A message's id: its conversation and its place in that conversation's sequence. Because the
 * key is computed, a page of history is a lookup of thirty known keys, never a sorted scan.
 */
public record MessageKey(String conversationId, long seq) {

    private static final Pattern FORMAT = Pattern.compile("([0-9a-f]{24})-([1-9][0-9]{0,17})");

    public MessageKey {
        if (seq < 1) {
            throw new IllegalArgumentException("Sequence numbers start at 1");
        }
    }

    public String id() {
        return conversationId + "-" + seq;
    }

    /** The key a message id names; an id Haven never handed out is simply not found. */
    public static MessageKey parse(String id) {
        var matcher = id == null ? null : FORMAT.matcher(id);
        if (matcher == null || !matcher.matches()) {
            throw new NotFoundException("Message");
        }
        return new MessageKey(matcher.group(1), Long.parseLong(matcher.group(2)));
    }

    public static String id(String conversationId, long seq) {
        return new MessageKey(conversationId, seq).id();
    }
}
