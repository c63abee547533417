package app.haven.messaging.adapter.out.persistence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.ConversationType;
import app.haven.messaging.domain.MessageType;
import app.haven.messaging.domain.Participant;
import app.haven.messaging.domain.ParticipantRole;
import app.haven.shared.StagedEvent;

/**
 * A conversation as stored. {@code members} is keyed by the person's id, so each person's state is
 * updated by path ({@code members.<id>.lastReadSeq}) in one atomic write. {@code relayedThroughSeq}
 * and {@code purgedThroughSeq} record how far the background passes have come; {@code outbox}
 * holds events not yet relayed.
 */
@Document(MongoConversations.COLLECTION)
record ConversationDocument(@Id String id, String type, String title, UUID sessionId,
        Map<String, MemberDocument> members, String uniqueKey, Instant createdAt, long lastSeq, Instant lastSeqAt,
        Instant lastMessageAt, PreviewDocument lastMessage, boolean readOnly, HoldDocument legalHold,
        long relayedThroughSeq, long purgedThroughSeq, List<StagedEvent> outbox) {

    static ConversationDocument of(Conversation conversation, List<StagedEvent> outbox) {
        Map<String, MemberDocument> members = new LinkedHashMap<>();
        conversation.participants().values().forEach(person -> members.put(person.userId().toString(),
                MemberDocument.of(person)));
        return new ConversationDocument(conversation.id(), conversation.type().name(), conversation.title(),
                conversation.sessionId(), members, conversation.uniqueKey(), conversation.createdAt(),
                conversation.lastSeq(), conversation.createdAt(), conversation.lastMessageAt(), null,
                conversation.readOnly(), null, 0, 0, outbox);
    }

    Conversation toDomain() {
        Map<UUID, Participant> participants = new LinkedHashMap<>();
        members.forEach((id, member) -> participants.put(UUID.fromString(id), member.toDomain(UUID.fromString(id))));
        return new Conversation(id, ConversationType.valueOf(type), title, sessionId, participants, uniqueKey,
                createdAt, lastSeq, lastMessageAt, lastMessage == null ? null : lastMessage.toDomain(), readOnly,
                legalHold == null ? null : legalHold.toDomain(), purgedThroughSeq);
    }

    record MemberDocument(String role, Instant joinedAt, Instant leftAt, long lastReadSeq, Instant lastReadAt,
            boolean muted, boolean archived) {

        static MemberDocument of(Participant person) {
            return new MemberDocument(person.role().name(), person.joinedAt(), person.leftAt(), person.lastReadSeq(),
                    person.lastReadAt(), person.muted(), person.archived());
        }

        Participant toDomain(UUID userId) {
            return new Participant(userId, ParticipantRole.valueOf(role), joinedAt, leftAt, lastReadSeq, lastReadAt,
                    muted, archived);
        }
    }

    record PreviewDocument(String messageId, UUID senderId, String type, String content, long seq, Instant createdAt) {

        static PreviewDocument of(Conversation.MessagePreview preview) {
            return new PreviewDocument(preview.messageId(), preview.senderId(), preview.type().name(),
                    preview.content(), preview.seq(), preview.createdAt());
        }

        Conversation.MessagePreview toDomain() {
            return new Conversation.MessagePreview(messageId, senderId, MessageType.valueOf(type), content, seq,
                    createdAt);
        }
    }

    record HoldDocument(UUID placedBy, String reason, Instant placedAt) {

        Conversation.LegalHold toDomain() {
            return new Conversation.LegalHold(placedBy, reason, placedAt);
        }
    }
}
