package app.haven.messaging.application.port.out;

import java.util.Collection;
import java.util.UUID;

import app.haven.messaging.domain.Message.Attachment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The files uploaded into each conversation: only these can be attached to its messages or
 * downloaded from it. Each upload belongs to one message at most, so deleting that message can
 * release the file without breaking another.
 */
public interface ConversationFiles {

    /** An upload, who made it, and the message it is attached to ({@code null} while unsent). */
    record Upload(Attachment file, UUID uploaderId, String messageId) {

        public boolean attachable(UUID senderId) {
            return messageId == null && uploaderId.equals(senderId);
        }
    }

    Mono<Void> add(String conversationId, UUID uploaderId, Attachment file);

    /** The conversation's uploads among {@code fileIds}. */
    Flux<Upload> findAll(String conversationId, Collection<UUID> fileIds);

    /** Marks the uploads as {@code messageId}'s. */
    Mono<Void> attach(String conversationId, Collection<UUID> fileIds, String messageId);

    Mono<Void> remove(String conversationId, Collection<UUID> fileIds);
}
