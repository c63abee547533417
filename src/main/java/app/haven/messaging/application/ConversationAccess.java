package app.haven.messaging.application;

import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.domain.Conversation;
import app.haven.shared.Caller;
import app.haven.shared.NotFoundException;
import reactor.core.publisher.Mono;

/** A conversation exists for its present participants only; to anyone else it is not found. */
final class ConversationAccess {

    private ConversationAccess() {
    }

    static Mono<Conversation> ofParticipant(Conversations conversations, Caller caller, String conversationId) {
        return conversations.find(conversationId)
                .filter(conversation -> conversation.hasPresent(caller.id()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Conversation")));
    }
}
