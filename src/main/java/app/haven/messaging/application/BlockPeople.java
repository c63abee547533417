package app.haven.messaging.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.identity.Accounts;
import app.haven.messaging.application.port.out.Blocks;
import app.haven.messaging.application.port.out.Blocks.Block;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person blocks someone: that someone can no longer write to them in a DIRECT conversation,
 * start one with them, or find them in people search.
 */
@Service
public class BlockPeople {

    private static final int MAX_REASON = 500;

    private final Blocks blocks;
    private final Accounts accounts;
    private final Clock clock;

    BlockPeople(Blocks blocks, Accounts accounts, Clock clock) {
        this.blocks = blocks;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Mono<Blocked> block(Caller caller, UUID userId, String reason) {
        if (userId.equals(caller.id())) {
            return Mono.error(new InvalidInputException("userId", "You cannot block yourself"));
        }
        if (reason != null && reason.length() > MAX_REASON) {
            return Mono.error(new InvalidInputException("reason", "A reason has at most " + MAX_REASON + " characters"));
        }
        return accounts.find(userId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Person")))
                .then(Mono.defer(() -> blocks.block(caller.id(), userId, reason == null ? null : reason.strip(),
                        clock.instant())))
                .map(Blocked::of);
    }

    public Mono<Void> unblock(Caller caller, UUID userId) {
        return blocks.unblock(caller.id(), userId);
    }

    public Mono<CursorPage<Blocked>> list(Caller caller) {
        return blocks.of(caller.id()).map(Blocked::of).collectList().map(CursorPage::last);
    }

    /** Someone the caller blocked, why, and since when. */
    public record Blocked(UUID userId, String reason, java.time.Instant createdAt) {
        static Blocked of(Block block) {
            return new Blocked(block.userId(), block.reason(), block.createdAt());
        }
    }

    /** Those among {@code candidates} who have blocked {@code person}. */
    public Flux<UUID> blockersOf(UUID person, Collection<UUID> candidates) {
        return blocks.blockersOf(person, List.copyOf(candidates));
    }
}
