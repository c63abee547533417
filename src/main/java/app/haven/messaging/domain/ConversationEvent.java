package app.haven.messaging.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Something that happened in a conversation, as its participants see it live.
 *
 * @param recipients who may see it
 * @param payload    what the client needs to render it
 * @param personal   for recipients who each see something of their own (their unread count), what
 *                   each of them sees instead of {@code payload}; stored once, never shown to anyone else
 */
public record ConversationEvent(Type type, String conversationId, Instant at, Set<UUID> recipients, Object payload,
        Map<UUID, Object> personal) {

    public ConversationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(at, "at");
        recipients = Set.copyOf(recipients);
        personal = Map.copyOf(personal);
    }

    public ConversationEvent(Type type, String conversationId, Instant at, Set<UUID> recipients, Object payload) {
        this(type, conversationId, at, recipients, payload, Map.of());
    }

    /**
     * Recipients' unread counts in a conversation after a change, in one event that shows each of
     * them only their own: {@code {unreadCount}}.
     */
    public static ConversationEvent unreadCounts(String conversationId, Map<UUID, Long> counts, Instant at) {
        Map<UUID, Object> personal = counts.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, count -> new UnreadCount(count.getValue())));
        return new ConversationEvent(Type.UNREAD_COUNT, conversationId, at, counts.keySet(), null, personal);
    }

    public boolean isFor(UUID userId) {
        return recipients.contains(userId);
    }

    /** The event as {@code userId} receives it: their own payload, and nothing of anyone else's. */
    public ConversationEvent seenBy(UUID userId) {
        if (personal.isEmpty()) {
            return this;
        }
        return new ConversationEvent(type, conversationId, at, Set.of(userId), personal.getOrDefault(userId, payload),
                Map.of());
    }

    /** What an {@link Type#UNREAD_COUNT} event tells its recipient. */
    public record UnreadCount(long unreadCount) {
    }

    public enum Type {
        MESSAGE_SENT, MESSAGE_EDITED, MESSAGE_DELETED, MESSAGE_READ, REACTION_ADDED, REACTION_REMOVED, TYPING,
        PARTICIPANT_JOINED, PARTICIPANT_LEFT, CONVERSATION_CREATED, UNREAD_COUNT;

        /**
         * Whether a subscriber that cannot keep up may miss it: typing is stale a moment later, and
         * the next unread count replaces this one; everything else must arrive or the stream must end.
         */
        public boolean mayBeDropped() {
            return this == TYPING || this == UNREAD_COUNT;
        }
    }
}
