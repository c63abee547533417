package app.haven.messaging;

import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** What other modules may know of someone's messaging: counts and whether they are connected, never content. */
public interface Inboxes {

    /** Unread messages across all the person's conversations. */
    Mono<Long> unreadTotal(UUID userId);

    /**
     * Of the message's recipients, those to tell outside the app: still in the conversation, not
     * muting it, connected nowhere, and with nothing unread there before this message. A busy
     * conversation so tells each person once, until they read it.
     */
    Mono<Set<UUID>> toAlertOf(MessageSent sent);
}
