package app.haven.messaging.adapter.out.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import app.haven.messaging.application.port.out.Blocks;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each person's blocks in one document ({@code _id} = their id): a {@code blocks} map keyed by the
 * blocked person's id, so blocking twice writes the same key and unblocking removes it.
 */
@Repository
class MongoBlocks implements Blocks {

    static final String COLLECTION = "blocklists";
    private static final String BLOCKS = "blocks";

    private final ReactiveMongoTemplate mongo;

    MongoBlocks(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Block> block(UUID blocker, UUID blocked, String reason, Instant at) {
        return of(blocker).filter(block -> block.userId().equals(blocked)).next()
                .switchIfEmpty(Mono.defer(() -> {
                    Document entry = new Document("reason", reason).append("createdAt", java.util.Date.from(at));
                    return mongo.upsert(byId(blocker), new Update().set(BLOCKS + "." + blocked, entry), COLLECTION)
                            .thenReturn(new Block(blocked, reason, at));
                }));
    }

    @Override
    public Mono<Void> unblock(UUID blocker, UUID blocked) {
        return mongo.updateFirst(byId(blocker), new Update().unset(BLOCKS + "." + blocked), COLLECTION).then();
    }

    @Override
    public Flux<Block> of(UUID blocker) {
        return mongo.findOne(byId(blocker), Document.class, COLLECTION)
                .flatMapIterable(MongoBlocks::blocksIn);
    }

    @Override
    public Flux<UUID> blockersOf(UUID person, Collection<UUID> candidates) {
        if (candidates.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(where("_id").in(candidates.stream().map(UUID::toString).toList())),
                        Document.class, COLLECTION)
                .filter(list -> blocksIn(list).stream().anyMatch(block -> block.userId().equals(person)))
                .map(list -> UUID.fromString(list.getString("_id")));
    }

    private static List<Block> blocksIn(Document list) {
        Map<String, Object> blocks = new LinkedHashMap<>(list.get(BLOCKS, Document.class) == null ? Map.of()
                : list.get(BLOCKS, Document.class));
        return blocks.entrySet().stream().map(entry -> {
            Document block = (Document) entry.getValue();
            return new Block(UUID.fromString(entry.getKey()), block.getString("reason"),
                    block.getDate("createdAt").toInstant());
        }).toList();
    }

    private static Query byId(UUID userId) {
        return Query.query(where("_id").is(userId.toString()));
    }
}
