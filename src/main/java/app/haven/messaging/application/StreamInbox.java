package app.haven.messaging.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Service;

import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.application.port.out.LiveEvents;
import app.haven.messaging.domain.DeliveredEvent;
import app.haven.shared.AccessAudit;
import app.haven.shared.AccessAudit.AuditedResource;
import app.haven.shared.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Everything that happens in the caller's conversations, as it happens, optionally resumed after
 * the cursor of the last event the caller saw.
 * <p>
 * The buffer policy: each subscriber has its own buffer of {@code haven.messaging.live-buffer}
 * events. Typing and unread counts that do not fit are dropped; anything else that does not fit
 * ends the stream with {@link FellBehindException}, and the subscriber resumes from its cursor.
 * Events wait in one queue in the order they happened, so a cursor never skips one. What a resume
 * replays is read at the subscriber's pace and does not count against the buffer. A slow
 * subscriber only ever fills its own buffer, so it never delays anyone else.
 */
@Service
public class StreamInbox {

    private final LiveEvents live;
    private final Conversations conversations;
    private final MessagingProperties properties;
    private final Counter dropped;
    private final Counter delivered;
    private final Timer delivery;
    private final AccessAudit audit;
    private final Clock clock;

    StreamInbox(LiveEvents live, Conversations conversations, MessagingProperties properties, MeterRegistry meters,
            AccessAudit audit, Clock clock) {
        this.live = live;
        this.audit = audit;
        this.conversations = conversations;
        this.properties = properties;
        this.clock = clock;
        this.delivered = Counter.builder("haven.live.events.delivered")
                .description("Events handed to subscribers' streams").register(meters);
        this.delivery = Timer.builder("haven.live.delivery")
                .description("From the change happening to its event being handed to a subscriber's stream")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.dropped = Counter.builder("haven.live.events.dropped")
                .description("Typing and unread-count events a slow subscriber had no room for")
                .register(meters);
    }

    public Flux<DeliveredEvent> inbox(Caller caller, String since) {
        return buffered(live.of(caller.id(), since));
    }

    /**
     * One conversation's events, for its participants only. Opening it is a read of the
     * conversation's messages (a resume replays earlier ones), recorded in the access audit under
     * the conversation: whose messages will come is not known yet, and a group's every member
     * opening it must not write an entry for every other member.
     */
    public Flux<DeliveredEvent> conversation(Caller caller, String conversationId, String since) {
        return ConversationAccess.ofParticipant(conversations, caller, conversationId)
                .flatMap(conversation -> audit.recordRead(caller, (UUID) null, AuditedResource.MESSAGES, conversationId)
                        .thenReturn(conversation))
                .flatMapMany(conversation -> buffered(live.of(caller.id(), since)
                        .filter(delivery -> delivery.event().conversationId().equals(conversationId))));
    }

    /** Forgets recorded live events past their retention; answers how many. */
    public Mono<Long> forgetOldEvents(Instant now) {
        return live.forgetBefore(now.minus(properties.liveEventRetention()));
    }

    private Flux<DeliveredEvent> buffered(Flux<DeliveredEvent> events) {
        int buffer = properties.liveBuffer();
        // live events waiting for the subscriber; what a resume replays is bounded by the replay itself
        AtomicInteger waiting = new AtomicInteger();
        return events.<DeliveredEvent>handle((handed, sink) -> {
                    if (handed.replayed()) {
                        sink.next(handed);
                    } else if (waiting.get() < buffer) {
                        waiting.incrementAndGet();
                        sink.next(handed);
                    } else if (handed.event().type().mayBeDropped()) {
                        dropped.increment();
                    } else {
                        sink.error(new FellBehindException(buffer));
                    }
                })
                // one queue, in arrival order: the counter above is what bounds it
                .onBackpressureBuffer()
                .doOnNext(handed -> {
                    if (!handed.replayed()) {
                        waiting.decrementAndGet();
                    }
                    delivered.increment();
                    delivery.record(Duration.between(handed.event().at(), clock.instant()));
                });
    }
}
