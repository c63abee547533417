package app.haven.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation was opened. Listeners key on {@code conversationId}.
 *
 * @param type DIRECT, GROUP, SESSION or SUPPORT
 */
public record ConversationCreated(String conversationId, String type, List<UUID> participantIds, Instant createdAt) {

    public ConversationCreated {
        participantIds = List.copyOf(participantIds);
    }
}
