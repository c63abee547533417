package app.haven.messaging.application.port.out;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Which conversations each person is in: one small document per person, read by id. Written
 * before the conversation itself, so a conversation is never missing from its people's lists (an
 * entry whose conversation was never written is skipped when read).
 */
public interface Inboxes {

    Mono<Void> add(Collection<UUID> userIds, String conversationId);

    Mono<Void> remove(UUID userId, String conversationId);

    Mono<Set<String>> conversationIdsOf(UUID userId);
}
