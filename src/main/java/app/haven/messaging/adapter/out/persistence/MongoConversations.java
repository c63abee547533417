package app.haven.messaging.adapter.out.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.Conversation.LegalHold;
import app.haven.messaging.domain.Conversation.MessagePreview;
import app.haven.messaging.domain.Participant;
import app.haven.shared.DocumentOutbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Conversations in MongoDB. Every query and update selects by {@code _id} or by the unique
 * {@code uniqueKey} alone: the embedded server uses an index only when a query names exactly the
 * indexed fields, and real MongoDB serves these from its indexes too. Conditions that would need
 * a second field are checked by the use case on what it read, or made safe by the update itself
 * ({@code $max} for read positions).
 */
@Repository
class MongoConversations implements Conversations, SmartInitializingSingleton {

    static final String COLLECTION = "conversations";
    private static final String MEMBERS = "members.";

    private final ReactiveMongoTemplate mongo;
    private final DocumentOutbox outbox;

    MongoConversations(ReactiveMongoTemplate mongo, DocumentOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("uniqueKey", Sort.Direction.ASC).unique().named("uniqueKey"))
                .block();
    }

    @Override
    public String nextId() {
        return new ObjectId().toHexString();
    }

    @Override
    public Mono<Opening> open(Conversation conversation, Object event) {
        ConversationDocument document = ConversationDocument.of(conversation, List.of(outbox.stage(event)));
        return mongo.insert(document)
                .flatMap(inserted -> outbox.relay(COLLECTION, storedId(inserted.id()))
                        .thenReturn(new Opening(conversation, true)))
                .onErrorResume(DuplicateKeyException.class, duplicate -> findByUniqueKey(conversation.uniqueKey())
                        .map(existing -> new Opening(existing, false)));
    }

    @Override
    public Mono<Conversation> find(String id) {
        return ObjectId.isValid(id) ? mongo.findById(id, ConversationDocument.class).map(ConversationDocument::toDomain)
                : Mono.empty();
    }

    @Override
    public Mono<Conversation> findByUniqueKey(String uniqueKey) {
        return mongo.findOne(Query.query(where("uniqueKey").is(uniqueKey)), ConversationDocument.class)
                .map(ConversationDocument::toDomain);
    }

    @Override
    public Flux<Conversation> findAll(Collection<String> ids) {
        List<String> valid = ids.stream().filter(ObjectId::isValid).toList();
        return valid.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(where("_id").in(valid)), ConversationDocument.class)
                        .map(ConversationDocument::toDomain);
    }

    @Override
    public Flux<Conversation> all() {
        return mongo.findAll(ConversationDocument.class).map(ConversationDocument::toDomain);
    }

    @Override
    public Mono<Long> nextSeq(String id, Instant now) {
        return mongo.findAndModify(byId(id), new Update().inc("lastSeq", 1).set("lastSeqAt", now),
                        FindAndModifyOptions.options().returnNew(true), ConversationDocument.class)
                .map(ConversationDocument::lastSeq);
    }

    @Override
    public Mono<Void> showLatest(String id, MessagePreview preview) {
        // a later message may already be shown; moving the list position backwards would reorder lists
        return find(id).filter(current -> current.lastMessage() == null || current.lastMessage().seq() <= preview.seq())
                .flatMap(current -> update(id, new Update()
                        .set("lastMessage", ConversationDocument.PreviewDocument.of(preview))
                        .max("lastMessageAt", preview.createdAt())));
    }

    @Override
    public Mono<Void> markRead(String id, UUID userId, long seq, Instant at, Object event) {
        return update(id, new Update().max(MEMBERS + userId + ".lastReadSeq", seq)
                        .max(MEMBERS + userId + ".lastReadAt", at)
                        .push(DocumentOutbox.FIELD, outbox.stage(event)))
                .then(outbox.relay(COLLECTION, storedId(id)));
    }

    @Override
    public Mono<Conversation> recordSent(String id, UUID senderId, MessagePreview preview) {
        Update readOwn = new Update().max(MEMBERS + senderId + ".lastReadSeq", preview.seq())
                .max(MEMBERS + senderId + ".lastReadAt", preview.createdAt());
        Update shown = new Update().max(MEMBERS + senderId + ".lastReadSeq", preview.seq())
                .max(MEMBERS + senderId + ".lastReadAt", preview.createdAt())
                .set("lastMessage", ConversationDocument.PreviewDocument.of(preview))
                .max("lastMessageAt", preview.createdAt());
        // a later message may already be shown; moving the list position backwards would reorder lists
        Query notLater = Query.query(where("_id").is(id)
                .orOperator(where("lastMessage").is(null), where("lastMessage.seq").lte(preview.seq())));
        FindAndModifyOptions returnNew = FindAndModifyOptions.options().returnNew(true);
        return mongo.findAndModify(notLater, shown, returnNew, ConversationDocument.class)
                .switchIfEmpty(Mono.defer(() -> mongo.findAndModify(byId(id), readOwn, returnNew, ConversationDocument.class)))
                .map(ConversationDocument::toDomain);
    }

    @Override
    public Mono<Void> setPersonal(String id, UUID userId, Boolean muted, Boolean archived) {
        Update update = new Update();
        if (muted != null) {
            update.set(MEMBERS + userId + ".muted", muted);
        }
        if (archived != null) {
            update.set(MEMBERS + userId + ".archived", archived);
        }
        return update.getUpdateObject().isEmpty() ? Mono.empty() : update(id, update);
    }

    @Override
    public Mono<Void> setTitle(String id, String title) {
        return update(id, new Update().set("title", title));
    }

    @Override
    public Mono<Void> putParticipant(String id, Participant participant) {
        return update(id, new Update().set(MEMBERS + participant.userId(),
                ConversationDocument.MemberDocument.of(participant)));
    }

    @Override
    public Mono<Void> setReadOnly(String id, boolean readOnly) {
        return update(id, new Update().set("readOnly", readOnly));
    }

    @Override
    public Mono<Void> setLegalHold(String id, LegalHold hold) {
        return update(id, hold == null ? new Update().unset("legalHold")
                : new Update().set("legalHold",
                        new ConversationDocument.HoldDocument(hold.placedBy(), hold.reason(), hold.placedAt())));
    }

    @Override
    public Mono<Void> purgedThrough(String id, long seq) {
        return update(id, new Update().max("purgedThroughSeq", seq));
    }

    @Override
    public Mono<Void> relayedThrough(String id, long seq) {
        return update(id, new Update().max("relayedThroughSeq", seq));
    }

    @Override
    public Flux<RelayProgress> relayProgress() {
        Query query = new Query();
        query.fields().include("lastSeq", "relayedThroughSeq", "lastSeqAt");
        return mongo.find(query, org.bson.Document.class, COLLECTION)
                .map(document -> new RelayProgress(document.getObjectId("_id").toHexString(),
                        number(document, "lastSeq"), number(document, "relayedThroughSeq"),
                        document.getDate("lastSeqAt") == null ? Instant.EPOCH : document.getDate("lastSeqAt").toInstant()));
    }

    private static long number(org.bson.Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    private Mono<Void> update(String id, Update update) {
        return mongo.updateFirst(byId(id), update, ConversationDocument.class).then();
    }

    /**
     * Spring Data stores a {@code String} id that is a valid ObjectId as an ObjectId; the outbox
     * reads documents untyped, so it is given the id as stored.
     */
    private static ObjectId storedId(String id) {
        return new ObjectId(id);
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
