package app.haven.messaging.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.application.port.out.LiveEvents;
import app.haven.messaging.application.port.out.Messages;
import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.ConversationEvent;
import app.haven.messaging.domain.Message;
import app.haven.messaging.domain.MessageKey;
import app.haven.messaging.domain.Reactions;
import app.haven.shared.AccessAudit;
import app.haven.shared.AccessAudit.AuditedResource;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.ForbiddenException;
import app.haven.shared.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * What participants do to a message after it was sent: the sender edits it (within the window,
 * keeping the earlier text) or deletes it, as a moderator may; anyone reacts to it or reads up to
 * it. A message of a conversation the caller is not in does not exist for them.
 */
@Service
public class ChangeMessage {

    private final Conversations conversations;
    private final Messages messages;
    private final ConversationAttachments attachments;
    private final ManageConversation manage;
    private final LiveEvents live;
    private final MessagingProperties properties;
    private final AccessAudit audit;
    private final Clock clock;

    ChangeMessage(Conversations conversations, Messages messages, ConversationAttachments attachments, ManageConversation manage,
            LiveEvents live, MessagingProperties properties, AccessAudit audit, Clock clock) {
        this.audit = audit;
        this.conversations = conversations;
        this.messages = messages;
        this.attachments = attachments;
        this.manage = manage;
        this.live = live;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<MessageView> edit(Caller caller, String messageId, String content) {
        return locate(caller, messageId).flatMap(found -> {
            Message edited = found.message().edit(caller.id(), content, properties.editWindow(), clock.instant());
            return messages.edited(edited).then(announce(found.conversation(), edited,
                    ConversationEvent.Type.MESSAGE_EDITED));
        });
    }

    /**
     * Earlier versions, oldest first: for the sender and the conversation's moderators. Each reading
     * is recorded in the access audit, against the sender when someone else reads them.
     */
    public Mono<CursorPage<Message.Edit>> edits(Caller caller, String messageId) {
        return locate(caller, messageId).flatMap(found -> {
            UUID sender = found.message().senderId();
            boolean moderator = found.conversation().participants().get(caller.id()).moderates();
            if (!moderator && !sender.equals(caller.id())) {
                return Mono.error(new ForbiddenException(
                        "The edit history is for the sender and the conversation's moderators"));
            }
            return audit.recordRead(caller, sender.equals(caller.id()) ? null : sender, AuditedResource.MESSAGES,
                            messageId)
                    .thenReturn(CursorPage.last(found.message().edits()));
        });
    }

    /** The sender or a moderator deletes; a tombstone keeps the message's place, and its files go. */
    public Mono<Void> delete(Caller caller, String messageId) {
        return locate(caller, messageId).flatMap(found -> {
            Message message = found.message();
            boolean moderator = found.conversation().participants().get(caller.id()).moderates();
            if (!moderator && !message.senderId().equals(caller.id())) {
                throw new ForbiddenException("Only the sender or a moderator deletes a message");
            }
            if (message.deleted()) {
                return Mono.empty();
            }
            Message tombstone = message.tombstone();
            List<UUID> attached = message.attachments().stream().map(Message.Attachment::fileId).toList();
            return messages.tombstoned(tombstone)
                    .then(attachments.discard(message.conversationId(), attached))
                    .then(refreshPreview(found.conversation(), tombstone))
                    .then(announce(found.conversation(), tombstone, ConversationEvent.Type.MESSAGE_DELETED))
                    .then();
        });
    }

    public Mono<MessageView.Reaction> react(Caller caller, String messageId, String emoji) {
        String checked = Reactions.requireEmoji(emoji);
        return locate(caller, messageId)
                .flatMap(found -> messages.react(MessageKey.parse(messageId), checked, caller.id(), true)
                        .flatMap(changed -> announce(found.conversation(), changed,
                                ConversationEvent.Type.REACTION_ADDED)))
                .map(view -> view.reactions().stream().filter(reaction -> reaction.emoji().equals(checked))
                        .findFirst().orElse(new MessageView.Reaction(checked, List.of(caller.id()))));
    }

    public Mono<Void> unreact(Caller caller, String messageId, String emoji) {
        String checked = Reactions.requireEmoji(emoji);
        return locate(caller, messageId)
                .flatMap(found -> messages.react(MessageKey.parse(messageId), checked, caller.id(), false)
                        .flatMap(changed -> announce(found.conversation(), changed,
                                ConversationEvent.Type.REACTION_REMOVED)))
                .then();
    }

    /** The caller has read this message and everything before it. */
    public Mono<Void> read(Caller caller, String messageId) {
        return locate(caller, messageId)
                .flatMap(found -> manage.markRead(found.conversation(), caller, found.message().seq()));
    }

    private Mono<Located> locate(Caller caller, String messageId) {
        MessageKey key = MessageKey.parse(messageId);
        return ConversationAccess.ofParticipant(conversations, caller, key.conversationId())
                .onErrorMap(NotFoundException.class, e -> new NotFoundException("Message"))
                .flatMap(conversation -> messages.find(key).map(message -> new Located(conversation, message)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Message")));
    }

    private Mono<Void> refreshPreview(Conversation conversation, Message tombstone) {
        var latest = conversation.lastMessage();
        return latest != null && latest.seq() == tombstone.seq()
                ? conversations.showLatest(conversation.id(), Conversation.MessagePreview.of(tombstone))
                : Mono.empty();
    }

    private Mono<MessageView> announce(Conversation conversation, Message message, ConversationEvent.Type type) {
        MessageView view = MessageView.of(message, conversation);
        return live.publish(new ConversationEvent(type, conversation.id(), clock.instant(), conversation.presentIds(), view))
                .thenReturn(view);
    }

    private record Located(Conversation conversation, Message message) {
    }
}
