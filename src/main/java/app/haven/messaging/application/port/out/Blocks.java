package app.haven.messaging.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Who blocked whom: each person's list in one document, read by id. */
public interface Blocks {

    /** Blocks {@code blocked} for {@code blocker}; blocking again keeps the first block. */
    Mono<Block> block(UUID blocker, UUID blocked, String reason, Instant at);

    Mono<Void> unblock(UUID blocker, UUID blocked);

    Flux<Block> of(UUID blocker);

    /** Those among {@code candidates} who have blocked {@code person}. */
    Flux<UUID> blockersOf(UUID person, Collection<UUID> candidates);

    record Block(UUID userId, String reason, Instant createdAt) {
    }
}
