package app.haven.messaging.application.port.out;

import java.time.Instant;
import java.util.UUID;

import app.haven.messaging.domain.ConversationEvent;
import app.haven.messaging.domain.CursorExpiredException;
import app.haven.messaging.domain.DeliveredEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Conversation events for the people connected right now, on whichever instance they are
 * connected to. Every event is kept long enough to be replayed: a subscriber that gives the
 * {@code cursor} of the last event it saw gets everything after it, then the live events, with
 * nothing missing or doubled at the seam.
 */
public interface LiveEvents {

    /**
     * Records the event for delivery on every instance that has a recipient connected. Completes
     * once it is recorded, so whoever is told the change happened can subscribe after it; a failure
     * to record is logged and swallowed, because the change itself is already kept and apps catch
     * up over REST.
     */
    Mono<Void> publish(ConversationEvent event);

    /**
     * The events for {@code userId} from now on, or, with {@code since}, from just after that cursor.
     * The flux requests without limit from the store's feed; the subscriber's own buffer policy
     * belongs to the caller. Fails with {@link CursorExpiredException} when {@code since} is unknown
     * or too old to replay.
     */
    Flux<DeliveredEvent> of(UUID userId, String since);

    /** Forgets the events that happened before {@code cutoff}; answers how many. */
    Mono<Long> forgetBefore(Instant cutoff);
}
