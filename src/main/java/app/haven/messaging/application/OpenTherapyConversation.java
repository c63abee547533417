package app.haven.messaging.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.domain.Conversation;
import reactor.core.publisher.Mono;

/**
 * A client and their newly assigned therapist get their DIRECT conversation, and lose the right to
 * write in it when the assignment ends (its history stays). Assigning the pair again opens it for
 * writing again. Doing either twice (an event delivered again) changes nothing more.
 */
@Service
public class OpenTherapyConversation {

    private final Conversations conversations;
    private final StartConversation start;
    private final Clock clock;

    OpenTherapyConversation(Conversations conversations, StartConversation start, Clock clock) {
        this.conversations = conversations;
        this.start = start;
        this.clock = clock;
    }

    public Mono<Conversation> open(UUID clientId, UUID therapistId) {
        return conversations.findByUniqueKey(Conversation.directKey(therapistId, clientId))
                .flatMap(existing -> existing.readOnly()
                        ? conversations.setReadOnly(existing.id(), false).then(conversations.find(existing.id()))
                        : Mono.just(existing))
                .switchIfEmpty(Mono.defer(() -> start.open(Conversation.direct(conversations.nextId(), therapistId,
                                clientId, clock.instant()))
                        .map(Conversations.Opening::conversation)));
    }

    /** The therapy has moved on: the conversation stays readable and takes no new messages. */
    public Mono<Void> close(UUID clientId, UUID therapistId) {
        return conversations.findByUniqueKey(Conversation.directKey(therapistId, clientId))
                .flatMap(existing -> conversations.setReadOnly(existing.id(), true));
    }
}
