package app.haven.messaging.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import app.haven.messaging.MessageSent;
import app.haven.messaging.application.port.out.Blocks;
import app.haven.messaging.application.port.out.ConversationFiles;
import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.application.port.out.LiveEvents;
import app.haven.messaging.application.port.out.Messages;
import app.haven.messaging.application.port.out.Messages.DuplicateSend;
import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.ConversationEvent;
import app.haven.messaging.domain.ConversationType;
import app.haven.messaging.domain.Message;
import app.haven.messaging.domain.MessageKey;
import app.haven.messaging.domain.MessageType;
import app.haven.shared.BlockedException;
import app.haven.shared.Caller;
import app.haven.shared.ConflictException;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * A participant sends a message. The message takes the conversation's next sequence number and is
 * stored with its {@code MessageSent} event in one write; a retry with the same client message id
 * answers the message already stored. Nothing is sent into a read-only conversation, nor into a
 * DIRECT conversation whose other participant blocked the sender.
 */
@Service
public class SendMessage {

    private final Conversations conversations;
    private final Messages messages;
    private final ConversationFiles files;
    private final Blocks blocks;
    private final LiveEvents live;
    private final SendThrottle throttle;
    private final Clock clock;

    SendMessage(Conversations conversations, Messages messages, ConversationFiles files, Blocks blocks,
            LiveEvents live, SendThrottle throttle, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.files = files;
        this.blocks = blocks;
        this.live = live;
        this.throttle = throttle;
        this.clock = clock;
    }

    public Mono<MessageView> send(Caller caller, String conversationId, Command command) {
        return ConversationAccess.ofParticipant(conversations, caller, conversationId)
                .flatMap(conversation -> command.clientMessageId() == null ? write(caller, conversation, command)
                        : messages.findSent(caller.id(), command.clientMessageId())
                                .flatMap(earlier -> viewed(earlier))
                                .switchIfEmpty(Mono.defer(() -> write(caller, conversation, command))));
    }

    /**
     * Haven writes {@code content} into the conversation on behalf of a participant, once per
     * {@code key}: asked again (an event delivered twice), it answers the message already there.
     */
    public Mono<MessageView> writeForHaven(Conversation conversation, UUID onBehalfOf, String content, String key) {
        return messages.findSent(onBehalfOf, key).flatMap(this::viewed)
                .switchIfEmpty(Mono.defer(() -> conversations.nextSeq(conversation.id(), clock.instant())
                        .map(seq -> Message.system(conversation.id(), seq, onBehalfOf, content, key, clock.instant()))
                        .flatMap(message -> store(conversation, message))));
    }

    private Mono<MessageView> write(Caller caller, Conversation conversation, Command command) {
        if (conversation.readOnly()) {
            return Mono.error(new ConflictException("This conversation is closed; its history stays readable"));
        }
        return requireNotBlocked(caller, conversation)
                .then(Mono.zip(replySnapshot(conversation, command.replyToId()),
                        attachments(conversation, caller.id(), command.attachments())))
                .map(parts -> Message.written(conversation.id(), 0, caller.id(), command.type(), command.content(),
                        parts.getT1().orElse(null), parts.getT2(), command.clientMessageId(), clock.instant()))
                // counted only once the message is known to be valid, so a refused send costs nothing
                .flatMap(draft -> throttle.admit(caller.id())
                        .then(conversations.nextSeq(conversation.id(), clock.instant()))
                        .map(draft::numbered))
                .flatMap(message -> store(conversation, message));
    }

    private Mono<MessageView> store(Conversation conversation, Message message) {
        List<UUID> recipients = conversation.presentIds().stream().filter(id -> !id.equals(message.senderId()))
                .sorted().toList();
        MessageSent sent = new MessageSent(message.id(), conversation.id(), message.seq(), message.senderId(), recipients,
                message.type().name(), message.createdAt());
        List<UUID> attached = message.attachments().stream().map(Message.Attachment::fileId).toList();
        return messages.insert(message, sent)
                .flatMap(stored -> files.attach(conversation.id(), attached, stored.id()).thenReturn(stored))
                .flatMap(stored -> conversations.recordSent(conversation.id(), stored.senderId(),
                                Conversation.MessagePreview.of(stored))
                        .flatMap(current -> announce(current, stored)))
                // a concurrent retry stored it first: answer that one
                .onErrorResume(DuplicateSend.class, duplicate -> messages.findSent(message.senderId(),
                        message.clientMessageId()).flatMap(this::viewed));
    }

    /** Everyone present sees the message; everyone but its sender also their new unread count. */
    private Mono<MessageView> announce(Conversation conversation, Message stored) {
        MessageView view = MessageView.of(stored, conversation);
        Map<UUID, Long> unread = conversation.presentIds().stream().filter(id -> !id.equals(stored.senderId()))
                .collect(Collectors.toMap(id -> id, conversation::unreadFor));
        return live.publish(new ConversationEvent(ConversationEvent.Type.MESSAGE_SENT, conversation.id(),
                        stored.createdAt(), conversation.presentIds(), view))
                .then(unread.isEmpty() ? Mono.empty()
                        : live.publish(ConversationEvent.unreadCounts(conversation.id(), unread, stored.createdAt())))
                .thenReturn(view);
    }

    private Mono<MessageView> viewed(Message message) {
        return conversations.find(message.conversationId()).map(conversation -> MessageView.of(message, conversation));
    }

    private Mono<Void> requireNotBlocked(Caller caller, Conversation conversation) {
        if (conversation.type() != ConversationType.DIRECT) {
            return Mono.empty();
        }
        List<UUID> others = conversation.presentIds().stream().filter(id -> !id.equals(caller.id())).toList();
        return blocks.blockersOf(caller.id(), others).hasElements()
                .flatMap(blocked -> blocked ? Mono.error(new BlockedException()) : Mono.empty());
    }

    private Mono<java.util.Optional<Message.ReplySnapshot>> replySnapshot(Conversation conversation, String replyToId) {
        if (replyToId == null) {
            return Mono.just(java.util.Optional.empty());
        }
        MessageKey key;
        try {
            key = MessageKey.parse(replyToId);
        } catch (NotFoundException e) {
            return Mono.error(new InvalidInputException("replyToId", "That message is not in this conversation"));
        }
        if (!key.conversationId().equals(conversation.id())) {
            return Mono.error(new InvalidInputException("replyToId", "That message is not in this conversation"));
        }
        return messages.find(key)
                .filter(original -> !original.deleted())
                .map(original -> java.util.Optional.of(original.snapshot()))
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("replyToId",
                        "That message is not in this conversation")));
    }

    /** The attachments as the conversation's uploads describe them, whatever the request claimed. */
    private Mono<List<Message.Attachment>> attachments(Conversation conversation, UUID senderId, List<UUID> fileIds) {
        if (fileIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return files.findAll(conversation.id(), fileIds)
                .filter(upload -> upload.attachable(senderId))
                .collectMap(upload -> upload.file().fileId(), ConversationFiles.Upload::file)
                .flatMap(found -> {
                    Set<UUID> missing = fileIds.stream().filter(id -> !found.containsKey(id))
                            .collect(Collectors.toSet());
                    return missing.isEmpty() ? Mono.just(fileIds.stream().distinct().map(found::get).toList())
                            : Mono.error(new InvalidInputException("attachments",
                                    "Attach files you uploaded to this conversation, each to one message"));
                });
    }

    /**
     * @param attachments     ids of files uploaded to the conversation
     * @param clientMessageId the sender's own id for this send, which makes retries safe
     */
    public record Command(String content, MessageType type, String replyToId, List<UUID> attachments,
            String clientMessageId) {
        public Command {
            Objects.requireNonNull(type, "type");
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }
}
