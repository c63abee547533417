package app.haven.messaging.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.messaging.Inboxes;
import app.haven.shared.Caller;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

@Service
class InboxFacts implements Inboxes {

    private final ListConversations conversations;
    private final Presence presence;

    InboxFacts(ListConversations conversations, Presence presence) {
        this.conversations = conversations;
        this.presence = presence;
    }

    @Override
    public Mono<Long> unreadTotal(UUID userId) {
        // the role does not matter for one's own conversations
        return conversations.unread(new Caller(userId, Role.CLIENT)).map(ListConversations.UnreadCounts::total);
    }

    @Override
    public Mono<Boolean> isConnected(UUID userId) {
        return presence.isConnected(userId);
    }
}
