package app.haven.identity.application.port.out;

import java.time.Instant;
import java.util.UUID;

import app.haven.identity.domain.SecurityEvent;
import app.haven.identity.domain.SecurityEventType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only sign-in audit. Its counts are also what throttling reads, so limits hold across
 * every instance.
 */
public interface SecurityLog {

    Mono<Void> record(SecurityEvent event);

    /** Events of the type for the account since the instant, oldest first. */
    Flux<Instant> timesFor(SecurityEventType type, UUID accountId, Instant since);

    /** Events of the type from the address since the instant, oldest first. */
    Flux<Instant> timesFrom(SecurityEventType type, String address, Instant since);

    /** The newest events first, starting below {@code before} (a position; null for the newest). */
    Flux<Entry> newestFirst(Long before, int limit);

    /** An event with its position in the log, for paging. */
    record Entry(long position, SecurityEvent event) {
    }
}
