package app.haven.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import reactor.core.publisher.Mono;

/**
 * How often one person may do something: a token bucket per person ({@code burst} at once,
 * refilled at {@code refill} per {@code period}), so a runaway client or script cannot flood
 * Haven. A refusal is a {@link TooManyRequestsException}: 429 with the wait in {@code Retry-After}.
 * The buckets live in this instance's memory, bounded and forgotten after ten idle minutes; behind
 * a load balancer that keeps a person on one instance that is the whole limit, otherwise it is per
 * instance. Not a bean: each module holds the limits it needs.
 */
public final class PerPersonRateLimit {

    private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final int burst;
    private final int refill;
    private final Duration period;
    private final String refusal;
    private final TimeMeter time;

    /** @param refusal what the person is told, e.g. "You are sending messages faster than Haven accepts them." */
    public PerPersonRateLimit(int burst, int refill, Duration period, String refusal, Clock clock) {
        this.burst = burst;
        this.refill = refill;
        this.period = period;
        this.refusal = refusal;
        this.time = new ClockTime(clock);
    }

    /** Takes one from the person's allowance, or fails with 429 when none is left. */
    public Mono<Void> admit(UUID personId) {
        return Mono.defer(() -> {
            ConsumptionProbe probe = buckets.get(personId, person -> newBucket()).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Mono.empty()
                    : Mono.error(new TooManyRequestsException(refusal, Duration.ofNanos(probe.getNanosToWaitForRefill())));
        });
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(refill, period).build())
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
