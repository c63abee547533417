package app.haven.messaging.adapter.in.identity;

import java.util.Collection;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.haven.identity.BlockedContacts;
import app.haven.messaging.application.BlockPeople;
import reactor.core.publisher.Flux;

/** Tells identity's people search who has blocked the searcher, from messaging's block lists. */
@Component
class BlockListContacts implements BlockedContacts {

    private final BlockPeople blockPeople;

    BlockListContacts(BlockPeople blockPeople) {
        this.blockPeople = blockPeople;
    }

    @Override
    public Flux<UUID> blockersOf(UUID person, Collection<UUID> candidates) {
        return blockPeople.blockersOf(person, candidates);
    }
}
