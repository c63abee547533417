package app.haven.messaging.adapter.out.persistence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import app.haven.messaging.domain.Message;
import app.haven.messaging.domain.MessageKey;
import app.haven.messaging.domain.MessageType;
import app.haven.shared.StagedEvent;

/**
 * A message as stored under its key ({@code <conversation>-<sequence>}). {@code sendKey} (sender
 * and client message id) has a sparse unique index: a retried send cannot store a second copy.
 * {@code tokens} are the normalised words search matches against.
 */
@Document(MongoMessages.COLLECTION)
record MessageDocument(@Id String id, String conversationId, long seq, UUID senderId, String type, String content,
        ReplyDocument replyTo, List<AttachmentDocument> attachments, String clientMessageId, String sendKey,
        Instant createdAt, Instant editedAt, List<EditDocument> edits, boolean deleted,
        Map<String, List<UUID>> reactions, List<String> tokens, List<StagedEvent> outbox) {

    static MessageDocument of(Message message, List<StagedEvent> outbox) {
        return new MessageDocument(message.id(), message.conversationId(), message.seq(), message.senderId(),
                message.type().name(), message.content(),
                message.replyTo() == null ? null : new ReplyDocument(message.replyTo().id(),
                        message.replyTo().senderId(), message.replyTo().content()),
                message.attachments().stream().map(AttachmentDocument::of).toList(), message.clientMessageId(),
                sendKey(message.senderId(), message.clientMessageId()), message.createdAt(), message.editedAt(),
                List.of(), message.deleted(), new LinkedHashMap<>(), message.searchTokens(), outbox);
    }

    static String sendKey(UUID senderId, String clientMessageId) {
        return clientMessageId == null ? null : senderId + ":" + clientMessageId;
    }

    Message toDomain() {
        MessageKey key = MessageKey.parse(id);
        return new Message(key.conversationId(), key.seq(), senderId, MessageType.valueOf(type), content,
                replyTo == null ? null : new Message.ReplySnapshot(replyTo.id(), replyTo.senderId(), replyTo.content()),
                attachments == null ? List.of() : attachments.stream().map(AttachmentDocument::toDomain).toList(),
                clientMessageId, createdAt, editedAt,
                edits == null ? List.of() : edits.stream().map(edit -> new Message.Edit(edit.content(), edit.editedAt()))
                        .toList(),
                deleted, reactions);
    }

    record ReplyDocument(String id, UUID senderId, String content) {
    }

    record AttachmentDocument(UUID fileId, String name, long size, String contentType) {

        static AttachmentDocument of(Message.Attachment attachment) {
            return new AttachmentDocument(attachment.fileId(), attachment.name(), attachment.size(),
                    attachment.contentType());
        }

        Message.Attachment toDomain() {
            return new Message.Attachment(fileId, name, size, contentType);
        }
    }

    record EditDocument(String content, Instant editedAt) {
    }
}
