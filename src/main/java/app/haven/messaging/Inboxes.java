package app.haven.messaging;

import java.util.UUID;

import reactor.core.publisher.Mono;

/** What other modules may know of someone's messaging: counts and whether they are connected, never content. */
public interface Inboxes {

    /** Unread messages across all the person's conversations. */
    Mono<Long> unreadTotal(UUID userId);

    /** Whether the person has a live connection on any instance right now. */
    Mono<Boolean> isConnected(UUID userId);
}
