package app.haven.messaging;

import java.time.Instant;
import java.util.UUID;

/** A participant has read a conversation up to and including {@code upToMessageId}. */
public record MessageRead(String conversationId, UUID readerId, String upToMessageId, Instant readAt) {
}
