package app.haven.messaging.application;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.messaging.ConversationCreated;
import app.haven.messaging.application.port.out.Blocks;
import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.application.port.out.Conversations.Opening;
import app.haven.messaging.application.port.out.Inboxes;
import app.haven.messaging.application.port.out.LiveEvents;
import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.ConversationEvent;
import app.haven.messaging.domain.ConversationType;
import app.haven.patients.SessionDirectory;
import app.haven.shared.BlockedException;
import app.haven.shared.Caller;
import app.haven.shared.ForbiddenException;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/**
 * Someone starts a conversation. A DIRECT one between two people, or a SESSION one for a session,
 * exists at most once: asking again answers the existing one. GROUP and SUPPORT conversations are
 * started by therapists and staff. Everyone brought in must be within the starter's reach, and a
 * person who blocked the starter cannot be drawn into a DIRECT conversation with them.
 */
@Service
public class StartConversation {

    private final Conversations conversations;
    private final Inboxes inboxes;
    private final Blocks blocks;
    private final Reach reach;
    private final SessionDirectory sessions;
    private final LiveEvents live;
    private final Clock clock;

    StartConversation(Conversations conversations, Inboxes inboxes, Blocks blocks, Reach reach,
            SessionDirectory sessions, LiveEvents live, Clock clock) {
        this.conversations = conversations;
        this.inboxes = inboxes;
        this.blocks = blocks;
        this.reach = reach;
        this.sessions = sessions;
        this.live = live;
        this.clock = clock;
    }

    public Mono<Started> start(Caller caller, Command command) {
        Set<UUID> others = new LinkedHashSet<>(command.participantIds());
        others.remove(caller.id());
        Mono<Opening> opening = switch (command.type()) {
            case DIRECT -> direct(caller, others);
            case GROUP, SUPPORT -> group(caller, command, others);
            case SESSION -> session(caller, command);
        };
        return opening.map(opened -> new Started(ConversationView.of(opened.conversation(), caller.id()),
                opened.created()));
    }

    /** The conversation as the caller sees it, and whether this request started it. */
    public record Started(ConversationView conversation, boolean created) {
    }

    private Mono<Opening> direct(Caller caller, Set<UUID> others) {
        if (others.size() != 1) {
            return Mono.error(new InvalidInputException("participantIds", "A direct conversation is with one other person"));
        }
        UUID other = others.iterator().next();
        return reach.require(caller, others)
                .then(blocks.blockersOf(caller.id(), List.of(other)).hasElements())
                .flatMap(blocked -> blocked ? Mono.error(new BlockedException()) : Mono.empty())
                .then(Mono.defer(() -> conversations.findByUniqueKey(Conversation.directKey(caller.id(), other))
                        .map(existing -> new Opening(existing, false))
                        .switchIfEmpty(Mono.defer(() -> open(Conversation.direct(conversations.nextId(), caller.id(),
                                other, clock.instant())))))) ;
    }

    private Mono<Opening> group(Caller caller, Command command, Set<UUID> others) {
        if (caller.role() == Role.CLIENT) {
            return Mono.error(new ForbiddenException("Therapists and staff start group and support conversations"));
        }
        return reach.require(caller, others).then(Mono.defer(() -> open(Conversation.group(conversations.nextId(),
                command.type(), command.title(), caller.id(), others, clock.instant()))));
    }

    private Mono<Opening> session(Caller caller, Command command) {
        if (command.sessionId() == null) {
            return Mono.error(new InvalidInputException("sessionId", "A session conversation names its session"));
        }
        return sessions.partiesOf(command.sessionId())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Session")))
                .flatMap(parties -> {
                    boolean party = caller.id().equals(parties.clientId()) || caller.id().equals(parties.therapistId());
                    if (!party && !caller.hasRole(Role.STAFF, Role.ADMIN)) {
                        return Mono.error(new NotFoundException("Session"));
                    }
                    return conversations.findByUniqueKey("session:" + parties.sessionId())
                            .map(existing -> new Opening(existing, false))
                            .switchIfEmpty(Mono.defer(() -> open(Conversation.ofSession(conversations.nextId(),
                                    parties.sessionId(), parties.clientId(), parties.therapistId(),
                                    clock.instant()))));
                });
    }

    /** Lists it in everyone's inbox first, so a crash in between leaves nothing unlisted. */
    Mono<Opening> open(Conversation conversation) {
        List<UUID> people = List.copyOf(conversation.presentIds());
        return inboxes.add(people, conversation.id())
                .then(conversations.open(conversation, new ConversationCreated(conversation.id(),
                        conversation.type().name(), people, conversation.createdAt())))
                .flatMap(opening -> !opening.created() ? Mono.just(opening)
                        : live.publish(new ConversationEvent(ConversationEvent.Type.CONVERSATION_CREATED,
                                conversation.id(), conversation.createdAt(), conversation.presentIds(),
                                ConversationView.shared(conversation))).thenReturn(opening));
    }

    /**
     * @param participantIds the people to talk with (the caller joins anyway)
     * @param sessionId      for a SESSION conversation, the therapy session it belongs to
     */
    public record Command(ConversationType type, List<UUID> participantIds, String title, UUID sessionId) {
        public Command {
            Objects.requireNonNull(type, "type");
            participantIds = participantIds == null ? List.of() : List.copyOf(participantIds);
        }
    }
}
