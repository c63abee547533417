package app.haven.messaging.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.Message;
import app.haven.messaging.domain.Participant;

/**
 * A message as participants see it. {@code readBy} is derived from the other participants' read
 * positions: whoever has read up to this message or beyond has read it.
 */
public record MessageView(String id, String conversationId, UUID senderId, String content, String type,
        Instant createdAt, Instant editedAt, boolean deleted, Message.ReplySnapshot replyTo,
        List<Message.Attachment> attachments, List<Reaction> reactions, List<Receipt> readBy) {

    public static MessageView of(Message message, Conversation conversation) {
        List<Receipt> readBy = conversation.participants().values().stream()
                .filter(Participant::isPresent)
                .filter(person -> !person.userId().equals(message.senderId()))
                .filter(person -> person.lastReadSeq() >= message.seq())
                .sorted(Comparator.comparing(Participant::userId))
                .map(person -> new Receipt(person.userId(), person.lastReadAt()))
                .toList();
        return new MessageView(message.id(), message.conversationId(), message.senderId(), message.content(),
                message.type().name(), message.createdAt(), message.editedAt(), message.deleted(), message.replyTo(),
                message.attachments(),
                message.reactions().entrySet().stream().map(entry -> new Reaction(entry.getKey(), entry.getValue()))
                        .toList(),
                readBy);
    }

    public record Reaction(String emoji, List<UUID> userIds) {
    }

    public record Receipt(UUID userId, Instant readAt) {
    }
}
