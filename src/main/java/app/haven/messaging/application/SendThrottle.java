package app.haven.messaging.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.haven.shared.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import reactor.core.publisher.Mono;

/**
 * How fast one person may send: a token bucket per sender ({@code haven.messaging.send-burst}
 * messages at once, refilled at {@code sends-per-minute}), so a runaway client or script cannot flood
 * a conversation. Retries of a send that was already stored are not counted. The buckets live in
 * this instance's memory, bounded and forgotten after ten idle minutes; behind a load balancer
 * that keeps a person's connections on one instance that is the whole limit, otherwise it is per
 * instance.
 */
@Component
class SendThrottle {

    private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final MessagingProperties properties;
    private final TimeMeter time;

    SendThrottle(MessagingProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new ClockTime(clock);
    }

    Mono<Void> admit(UUID senderId) {
        ConsumptionProbe probe = buckets.get(senderId, sender -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Mono.empty()
                : Mono.error(new TooManyRequestsException("You are sending messages faster than Haven accepts them.",
                        Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.sendBurst())
                        .refillGreedy(properties.sendsPerMinute(), Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time)
                .build();
    }

    /** Bucket4j reads Haven's clock, so tests can move time. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
