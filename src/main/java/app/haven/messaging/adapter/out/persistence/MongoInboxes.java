package app.haven.messaging.adapter.out.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import app.haven.messaging.application.port.out.Inboxes;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One document per person ({@code _id} = their id) listing their conversations. */
@Repository
class MongoInboxes implements Inboxes {

    static final String COLLECTION = "inboxes";
    private static final String CONVERSATIONS = "conversationIds";

    private final ReactiveMongoTemplate mongo;

    MongoInboxes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> add(Collection<UUID> userIds, String conversationId) {
        return Flux.fromIterable(userIds)
                .flatMap(userId -> mongo.upsert(byId(userId), new Update().addToSet(CONVERSATIONS, conversationId),
                        COLLECTION))
                .then();
    }

    @Override
    public Mono<Void> remove(UUID userId, String conversationId) {
        return mongo.updateFirst(byId(userId), new Update().pull(CONVERSATIONS, conversationId), COLLECTION).then();
    }

    @Override
    public Mono<Set<String>> conversationIdsOf(UUID userId) {
        return mongo.findOne(byId(userId), org.bson.Document.class, COLLECTION)
                .map(inbox -> (Set<String>) new LinkedHashSet<>(inbox.getList(CONVERSATIONS, String.class, List.of())))
                .defaultIfEmpty(Set.of());
    }

    private static Query byId(UUID userId) {
        return Query.query(where("_id").is(userId.toString()));
    }
}
