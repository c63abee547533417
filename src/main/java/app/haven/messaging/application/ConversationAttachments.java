package app.haven.messaging.application;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;

import app.haven.files.FileContent;
import app.haven.files.StoredFiles;
import app.haven.messaging.application.port.out.ConversationFiles;
import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.domain.Message.Attachment;
import app.haven.shared.AccessAudit;
import app.haven.shared.AccessAudit.AuditedResource;
import app.haven.shared.Caller;
import app.haven.shared.ConflictException;
import app.haven.shared.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Files in conversations: a participant uploads into an open conversation, attaches the upload to
 * one message, and every present participant may download it; to anyone else the file does not
 * exist. A file goes (bytes included, once nothing else shares them) with its message.
 */
@Service
public class ConversationAttachments {

    private final Conversations conversations;
    private final ConversationFiles uploads;
    private final StoredFiles files;
    private final AccessAudit audit;

    ConversationAttachments(Conversations conversations, ConversationFiles uploads, StoredFiles files,
            AccessAudit audit) {
        this.conversations = conversations;
        this.uploads = uploads;
        this.files = files;
        this.audit = audit;
    }

    public Mono<Attachment> upload(Caller caller, String conversationId, String declaredName, Flux<DataBuffer> bytes) {
        return ConversationAccess.ofParticipant(conversations, caller, conversationId)
                .flatMap(conversation -> conversation.readOnly()
                        ? Mono.error(new ConflictException("This conversation is closed; its history stays readable"))
                        : files.store(bytes, declaredName, caller.id()))
                .map(stored -> new Attachment(stored.id(), stored.name(), stored.size(), stored.contentType()))
                // a failure here leaves stored bytes nobody can reach: release them rather than keep them
                .flatMap(attachment -> uploads.add(conversationId, caller.id(), attachment)
                        .onErrorResume(failure -> files.release(attachment.fileId()).then(Mono.error(failure)))
                        .thenReturn(attachment));
    }

    public Mono<FileContent> download(Caller caller, String conversationId, UUID fileId) {
        return ConversationAccess.ofParticipant(conversations, caller, conversationId)
                .flatMap(conversation -> uploads.findAll(conversationId, List.of(fileId)).next())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("File")))
                .flatMap(upload -> audit.recordRead(caller, upload.uploaderId().equals(caller.id()) ? null
                                : upload.uploaderId(), AuditedResource.MESSAGES, conversationId)
                        .then(files.open(fileId)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("File")));
    }

    /** The files of deleted or purged messages: forgotten here, and released in the file store. */
    Mono<Void> discard(String conversationId, Collection<UUID> fileIds) {
        if (fileIds.isEmpty()) {
            return Mono.empty();
        }
        return uploads.remove(conversationId, fileIds)
                .thenMany(Flux.fromIterable(fileIds).distinct())
                .concatMap(files::release)
                .then();
    }
}
