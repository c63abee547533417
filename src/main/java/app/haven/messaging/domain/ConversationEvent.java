package app.haven.messaging.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Something that happened in a conversation, as its participants see it live.
 *
 * @param recipients who may see it
 * @param payload    what the client needs to render it
 */
public record ConversationEvent(Type type, String conversationId, Instant at, Set<UUID> recipients, Object payload) {

    public ConversationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(at, "at");
        recipients = Set.copyOf(recipients);
    }

    public boolean isFor(UUID userId) {
        return recipients.contains(userId);
    }

    public enum Type {
        MESSAGE_SENT, MESSAGE_EDITED, MESSAGE_DELETED, MESSAGE_READ, REACTION_ADDED, REACTION_REMOVED, TYPING,
        PARTICIPANT_JOINED, PARTICIPANT_LEFT, CONVERSATION_CREATED, UNREAD_COUNT;

        /**
         * Whether a subscriber that cannot keep up may miss it: typing is stale a moment later, and
         * unread counts are repeated; everything else must arrive or the stream must end.
         */
        public boolean mayBeDropped() {
            return this == TYPING || this == UNREAD_COUNT;
        }
    }
}
