package app.haven.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message was sent. Carries who and where, never what: content stays in messaging. Listeners
 * key on {@code messageId}.
 *
 * @param seq          the message's place in its conversation, counted from 1
 * @param recipientIds the conversation's other participants when it was sent
 * @param type         TEXT, IMAGE, FILE, AUDIO, VIDEO or SYSTEM
 */
public record MessageSent(String messageId, String conversationId, long seq, UUID senderId, List<UUID> recipientIds,
        String type, Instant sentAt) {

    public MessageSent {
        recipientIds = List.copyOf(recipientIds);
    }
}
