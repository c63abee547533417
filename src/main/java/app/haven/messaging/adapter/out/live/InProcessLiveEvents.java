package app.haven.messaging.adapter.out.live;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import app.haven.messaging.application.MessagingProperties;
import app.haven.messaging.application.port.out.LiveEvents;
import app.haven.messaging.domain.ConversationEvent;
import app.haven.messaging.domain.CursorExpiredException;
import app.haven.messaging.domain.DeliveredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Live events within this process, for the embedded store. Haven on the embedded MongoDB server is
 * a single instance by construction, and the embedded server's change streams rescan its whole
 * oplog on every poll, so their cost grows with everything ever written (decision 0005). Here each
 * event is numbered as it is published, handed to this instance's subscribers at once, and kept in
 * memory for the replay window (at most {@code haven.messaging.live-replay-capacity} events).
 * <p>
 * Resuming: the events kept after the cursor are taken and the live feed is joined under the same
 * lock that numbers and emits, so nothing is missed or doubled at the seam. A restart forgets the
 * kept events; a cursor from before it is refused like any expired cursor, and the app reloads
 * over REST.
 */
@Component
@ConditionalOnExpression(LiveTransports.IN_PROCESS)
class InProcessLiveEvents implements LiveEvents {

    private static final int CATCH_UP_LIMIT = 10_000;

    private final MessagingProperties properties;
    private final Clock clock;
    /** Tells this process's cursors from those of an earlier start. */
    private final String epoch = UUID.randomUUID().toString();
    private final Sinks.Many<Numbered> feed = Sinks.many().multicast().directBestEffort();
    private final ArrayDeque<Numbered> kept = new ArrayDeque<>();
    private final Counter published;
    private long lastSeq;

    InProcessLiveEvents(MessagingProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("haven.live.events.published").register(meters);
        Gauge.builder("haven.live.subscribers", feed, Sinks.Many::currentSubscriberCount)
                .description("Live conversation-event streams open on this instance")
                .register(meters);
    }

    @Override
    public Mono<Void> publish(ConversationEvent event) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                Numbered numbered = new Numbered(++lastSeq, event);
                kept.addLast(numbered);
                while (kept.size() > properties.liveReplayCapacity()) {
                    kept.removeFirst();
                }
                feed.emitNext(numbered, Sinks.EmitFailureHandler.FAIL_FAST);
            }
            published.increment();
        });
    }

    @Override
    public Flux<DeliveredEvent> of(UUID userId, String since) {
        if (since == null || since.isBlank()) {
            return feed.asFlux().filter(numbered -> numbered.event().isFor(userId)).map(numbered -> numbered.deliveryTo(userId, epoch));
        }
        return Flux.defer(() -> {
            long after = Cursor.decode(since, epoch);
            Sinks.Many<Numbered> buffered = Sinks.many().unicast().onBackpressureBuffer();
            List<Numbered> missed;
            Disposable joined;
            synchronized (this) {
                missed = replayAfter(after, userId);
                joined = feed.asFlux().subscribe(buffered::tryEmitNext, buffered::tryEmitError, buffered::tryEmitComplete);
            }
            return Flux.concat(Flux.fromIterable(missed).map(numbered -> numbered.replayTo(userId, epoch)),
                            buffered.asFlux().filter(numbered -> numbered.event().isFor(userId))
                                    .map(numbered -> numbered.deliveryTo(userId, epoch)))
                    .doFinally(signal -> joined.dispose());
        });
    }

    /** Called with the lock held. */
    private List<Numbered> replayAfter(long after, UUID userId) {
        Numbered oldest = kept.peekFirst();
        long oldestKept = oldest == null ? lastSeq + 1 : oldest.seq();
        if (after > lastSeq || after < oldestKept - 1) {
            throw new CursorExpiredException("That cursor can no longer be resumed; reload from REST");
        }
        Instant windowStart = clock.instant().minus(properties.liveReplayWindow());
        Numbered resumedAfter = kept.stream().filter(numbered -> numbered.seq() == after).findFirst().orElse(null);
        if (resumedAfter != null && resumedAfter.event().at().isBefore(windowStart)) {
            throw new CursorExpiredException("That cursor is older than the replay window; reload from REST");
        }
        List<Numbered> missed = kept.stream().filter(numbered -> numbered.seq() > after && numbered.event().isFor(userId))
                .toList();
        if (missed.size() > CATCH_UP_LIMIT) {
            throw new CursorExpiredException("Too much happened since that cursor; reload from REST");
        }
        return missed;
    }

    @Override
    public Mono<Long> forgetBefore(Instant cutoff) {
        return Mono.fromCallable(() -> {
            long forgotten = 0;
            synchronized (this) {
                // published in time order, so the oldest are at the head; a gap could hide an event from a replay
                while (!kept.isEmpty() && kept.peekFirst().event().at().isBefore(cutoff)) {
                    kept.removeFirst();
                    forgotten++;
                }
            }
            return forgotten;
        });
    }

    /** On shutdown every open stream completes, so apps reconnect with their cursor. */
    @PreDestroy
    void completeStreams() {
        feed.tryEmitComplete();
    }

    private record Numbered(long seq, ConversationEvent event) {

        DeliveredEvent deliveryTo(UUID userId, String epoch) {
            return new DeliveredEvent(Cursor.encode(epoch, seq), event.seenBy(userId));
        }

        DeliveredEvent replayTo(UUID userId, String epoch) {
            return new DeliveredEvent(Cursor.encode(epoch, seq), event.seenBy(userId), true);
        }
    }

    /** A cursor: this process's epoch and the event's number, opaque to apps. */
    private static final class Cursor {

        static String encode(String epoch, long seq) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((epoch + ":" + seq).getBytes(StandardCharsets.UTF_8));
        }

        static long decode(String cursor, String epoch) {
            String decoded;
            try {
                decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new CursorExpiredException("That is not a cursor Haven handed out");
            }
            int colon = decoded.lastIndexOf(':');
            if (colon < 0 || !decoded.substring(0, colon).equals(epoch)) {
                throw new CursorExpiredException("That cursor is from before Haven restarted; reload from REST");
            }
            try {
                return Long.parseLong(decoded.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new CursorExpiredException("That is not a cursor Haven handed out");
            }
        }
    }
}
