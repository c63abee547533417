package app.haven.messaging.application;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.messaging.MessageRead;
import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.application.port.out.Inboxes;
import app.haven.messaging.application.port.out.LiveEvents;
import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.ConversationEvent;
import app.haven.messaging.domain.MessageKey;
import app.haven.messaging.domain.Participant;
import app.haven.messaging.domain.ParticipantRole;
import app.haven.shared.Caller;
import app.haven.shared.ConflictException;
import app.haven.shared.ForbiddenException;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/**
 * What participants change about a conversation: their own mute and archive flags, the title and
 * the people of a group (its moderators), leaving it, reading all of it; and the legal hold that
 * administrators place so retention never purges it.
 */
@Service
public class ManageConversation {

    private final Conversations conversations;
    private final Inboxes inboxes;
    private final Reach reach;
    private final LiveEvents live;
    private final Clock clock;

    ManageConversation(Conversations conversations, Inboxes inboxes, Reach reach, LiveEvents live, Clock clock) {
        this.conversations = conversations;
        this.inboxes = inboxes;
        this.reach = reach;
        this.live = live;
        this.clock = clock;
    }

    public Mono<ConversationView> change(Caller caller, String conversationId, Change change) {
        return ConversationAccess.ofParticipant(conversations, caller, conversationId)
                .flatMap(conversation -> {
                    if (change.title() != null) {
                        requireGroupModerator(conversation, caller);
                    }
                    return (change.title() == null ? Mono.<Void>empty()
                                    : conversations.setTitle(conversationId, change.title().strip()))
                            .then(conversations.setPersonal(conversationId, caller.id(), change.muted(),
                                    change.archived()));
                })
                .then(conversations.find(conversationId))
                .map(conversation -> ConversationView.of(conversation, caller.id()));
    }

    public Mono<ConversationView.ParticipantView> addParticipant(Caller caller, String conversationId, UUID userId) {
        return ConversationAccess.ofParticipant(conversations, caller, conversationId)
                .flatMap(conversation -> {
                    requireGroupModerator(conversation, caller);
                    if (conversation.hasPresent(userId)) {
                        return Mono.just(conversation.participants().get(userId));
                    }
                    // a newcomer starts with everything so far read: unread counts mean new to them
                    Participant joining = Participant.joining(userId, ParticipantRole.MEMBER, clock.instant(),
                            conversation.lastSeq());
                    return reach.require(caller, Set.of(userId))
                            .then(inboxes.add(Set.of(userId), conversationId))
                            .then(conversations.putParticipant(conversationId, joining))
                            .then(Mono.defer(() -> announce(conversation, ConversationEvent.Type.PARTICIPANT_JOINED,
                                    userId)))
                            .thenReturn(joining);
                })
                .map(ConversationView.ParticipantView::of);
    }

    /** A moderator removes someone, or anyone leaves; DIRECT and SESSION conversations cannot be left. */
    public Mono<Void> removeParticipant(Caller caller, String conversationId, UUID userId) {
        return ConversationAccess.ofParticipant(conversations, caller, conversationId)
                .flatMap(conversation -> {
                    if (!conversation.isGroup()) {
                        return Mono.error(new ConflictException("People cannot leave a " + conversation.type()
                                + " conversation"));
                    }
                    if (!userId.equals(caller.id())) {
                        requireGroupModerator(conversation, caller);
                    }
                    Participant leaving = conversation.presentParticipant(userId)
                            .orElseThrow(() -> new NotFoundException("Participant"));
                    Participant left = new Participant(leaving.userId(), leaving.role(), leaving.joinedAt(),
                            clock.instant(), leaving.lastReadSeq(), leaving.lastReadAt(), leaving.muted(),
                            leaving.archived());
                    return conversations.putParticipant(conversationId, left)
                            .then(inboxes.remove(userId, conversationId))
                            .then(Mono.defer(() -> announce(conversation, ConversationEvent.Type.PARTICIPANT_LEFT, userId)));
                });
    }

    /** Everything in the conversation so far is read. */
    public Mono<Void> readAll(Caller caller, String conversationId) {
        return ConversationAccess.ofParticipant(conversations, caller, conversationId)
                .flatMap(conversation -> markRead(conversation, caller, conversation.lastSeq()));
    }

    /** Moves the caller's read position to {@code seq} unless it is already there or beyond. */
    Mono<Void> markRead(Conversation conversation, Caller caller, long seq) {
        Participant reader = conversation.participants().get(caller.id());
        if (seq < 1 || reader.lastReadSeq() >= seq) {
            return Mono.empty();
        }
        var now = clock.instant();
        String upTo = MessageKey.id(conversation.id(), seq);
        return conversations.markRead(conversation.id(), caller.id(), seq, now,
                        new MessageRead(conversation.id(), caller.id(), upTo, now))
                .then(Mono.defer(() -> live.publish(new ConversationEvent(ConversationEvent.Type.MESSAGE_READ,
                        conversation.id(), now, conversation.presentIds(),
                        new ReadPosition(caller.id(), upTo, seq, now)))))
                // the reader's other devices update their badge
                .then(Mono.defer(() -> live.publish(ConversationEvent.unreadCounts(conversation.id(),
                        Map.of(caller.id(), Math.max(0, conversation.lastSeq() - seq)), now))));
    }

    public Mono<Void> placeLegalHold(Caller caller, String conversationId, String reason) {
        requireAdministrator(caller);
        return conversations.find(conversationId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Conversation")))
                .flatMap(conversation -> conversations.setLegalHold(conversationId,
                        new Conversation.LegalHold(caller.id(), reason, clock.instant())));
    }

    public Mono<Void> liftLegalHold(Caller caller, String conversationId) {
        requireAdministrator(caller);
        return conversations.find(conversationId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Conversation")))
                .flatMap(conversation -> conversations.setLegalHold(conversationId, null));
    }

    private Mono<Void> announce(Conversation conversation, ConversationEvent.Type type, UUID who) {
        Set<UUID> audience = new java.util.HashSet<>(conversation.presentIds());
        audience.add(who);
        return live.publish(new ConversationEvent(type, conversation.id(), clock.instant(), audience,
                java.util.Map.of("userId", who)));
    }

    private static void requireGroupModerator(Conversation conversation, Caller caller) {
        if (!conversation.isGroup()) {
            throw new ConflictException("A " + conversation.type() + " conversation has fixed participants and no title");
        }
        if (!conversation.participants().get(caller.id()).moderates()) {
            throw new ForbiddenException("Only the conversation's moderators do this");
        }
    }

    private static void requireAdministrator(Caller caller) {
        if (caller.role() != Role.ADMIN) {
            throw new ForbiddenException("Only administrators place or lift legal holds");
        }
    }

    /** What a PATCH changes; null leaves a field as it is. */
    public record Change(String title, Boolean archived, Boolean muted) {
    }

    /** A read receipt as live events carry it. */
    public record ReadPosition(UUID userId, String messageId, long seq, java.time.Instant readAt) {
    }
}
