package app.haven.identity;

import java.util.Collection;
import java.util.UUID;

import reactor.core.publisher.Flux;

/**
 * Who has blocked whom, so people search never shows someone to a person they blocked. Identity
 * declares it; messaging, which keeps the blocks, implements it.
 */
public interface BlockedContacts {

    /** Those among {@code candidates} who have blocked {@code person}. */
    Flux<UUID> blockersOf(UUID person, Collection<UUID> candidates);
}
