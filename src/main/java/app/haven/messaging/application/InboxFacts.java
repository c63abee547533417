package app.haven.messaging.application;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import app.haven.messaging.Inboxes;
import app.haven.messaging.MessageSent;
import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.domain.Participant;
import app.haven.shared.Caller;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

@Service
class InboxFacts implements Inboxes {

    private final ListConversations conversations;
    private final Conversations stored;
    private final Presence presence;

    InboxFacts(ListConversations conversations, Conversations stored, Presence presence) {
        this.conversations = conversations;
        this.stored = stored;
        this.presence = presence;
    }

    @Override
    public Mono<Long> unreadTotal(UUID userId) {
        // the role does not matter for one's own conversations
        return conversations.unread(new Caller(userId, Role.CLIENT)).map(ListConversations.UnreadCounts::total);
    }

    @Override
    public Mono<Set<UUID>> toAlertOf(MessageSent sent) {
        return stored.find(sent.conversationId())
                .map(conversation -> sent.recipientIds().stream()
                        .flatMap(recipient -> conversation.presentParticipant(recipient).stream())
                        .filter(participant -> participant.wouldBeAlertedOf(sent.seq()))
                        .map(Participant::userId)
                        .collect(Collectors.toUnmodifiableSet()))
                .filter(candidates -> !candidates.isEmpty())
                .flatMap(candidates -> presence.connectedAmong(candidates).map(connected -> candidates.stream()
                        .filter(candidate -> !connected.contains(candidate))
                        .collect(Collectors.toUnmodifiableSet())))
                .defaultIfEmpty(Set.of());
    }
}
