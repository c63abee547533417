package app.haven.messaging.adapter.out.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import app.haven.messaging.application.port.out.Messages;
import app.haven.messaging.domain.Message;
import app.haven.messaging.domain.MessageKey;
import app.haven.shared.DocumentOutbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Messages in MongoDB, read by {@code _id} (one key, or {@code $in} a page of computed keys) and
 * by the unique {@code sendKey}: shapes both the embedded server and real MongoDB answer from an
 * index. Search is the exception: it matches the {@code tokens} array, which real MongoDB serves
 * from its multikey index and the embedded server by scanning (decision 0003).
 * <p>
 * The outbox sweeper leaves this collection alone; the messaging module finds unrelayed
 * messages through each conversation's sequence instead of scanning.
 */
@Repository
class MongoMessages implements Messages, SmartInitializingSingleton {

    static final String COLLECTION = "messages";

    private final ReactiveMongoTemplate mongo;
    private final DocumentOutbox outbox;

    MongoMessages(ReactiveMongoTemplate mongo, DocumentOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void afterSingletonsInstantiated() {
        outbox.sweptByOwner(COLLECTION);
        var indexes = mongo.indexOps(COLLECTION);
        Mono.when(
                indexes.createIndex(new Index().on("sendKey", Sort.Direction.ASC).unique().sparse().named("sendKey")),
                indexes.createIndex(new Index().on("tokens", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                        .named("tokens_createdAt")))
                .block();
    }

    @Override
    public Mono<Message> insert(Message message, Object event) {
        MessageDocument document = MessageDocument.of(message, List.of(outbox.stage(event)));
        return mongo.insert(document)
                .flatMap(inserted -> outbox.relay(COLLECTION, inserted.id()).thenReturn(message))
                .onErrorMap(DuplicateKeyException.class, duplicate -> new DuplicateSend());
    }

    @Override
    public Mono<Message> find(MessageKey key) {
        return mongo.findById(key.id(), MessageDocument.class).map(MessageDocument::toDomain);
    }

    @Override
    public Flux<Message> findAll(String conversationId, Collection<Long> seqs) {
        List<String> ids = seqs.stream().map(seq -> MessageKey.id(conversationId, seq)).toList();
        return ids.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(where("_id").in(ids)), MessageDocument.class).map(MessageDocument::toDomain);
    }

    @Override
    public Mono<Message> findSent(UUID senderId, String clientMessageId) {
        return mongo.findOne(Query.query(where("sendKey").is(MessageDocument.sendKey(senderId, clientMessageId))),
                MessageDocument.class).map(MessageDocument::toDomain);
    }

    @Override
    public Mono<Void> edited(Message message) {
        Message.Edit previous = message.edits().get(message.edits().size() - 1);
        return update(message.id(), new Update()
                .set("content", message.content())
                .set("editedAt", message.editedAt())
                .set("tokens", message.searchTokens())
                .push("edits", new MessageDocument.EditDocument(previous.content(), previous.editedAt())));
    }

    @Override
    public Mono<Void> tombstoned(Message message) {
        return update(message.id(), new Update()
                .set("deleted", true)
                .set("content", "")
                .set("attachments", List.of())
                .set("edits", List.of())
                .set("tokens", List.of())
                .unset("replyTo"));
    }

    @Override
    public Mono<Message> react(MessageKey key, String emoji, UUID userId, boolean add) {
        String path = "reactions." + emoji;
        Update update = add ? new Update().addToSet(path, userId) : new Update().pull(path, userId);
        return mongo.findAndModify(Query.query(where("_id").is(key.id())), update,
                        FindAndModifyOptions.options().returnNew(true), MessageDocument.class)
                .map(MessageDocument::toDomain);
    }

    @Override
    public Flux<Message> search(Collection<String> conversationIds, List<String> tokens, SearchPosition after,
            int limit) {
        Criteria criteria = where("conversationId").in(conversationIds).and("tokens").all(tokens).and("deleted")
                .is(false);
        if (after != null) {
            criteria = criteria.orOperator(where("createdAt").lt(after.createdAt()),
                    where("createdAt").is(after.createdAt()).and("_id").lt(after.messageId()));
        }
        return mongo.find(Query.query(criteria)
                        .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                        .limit(limit), MessageDocument.class)
                .map(MessageDocument::toDomain);
    }

    @Override
    public Mono<Long> purge(String conversationId, Collection<Long> seqs) {
        List<String> ids = seqs.stream().map(seq -> MessageKey.id(conversationId, seq)).toList();
        return ids.isEmpty() ? Mono.just(0L)
                : mongo.remove(Query.query(where("_id").in(ids)), MessageDocument.class)
                        .map(result -> result.getDeletedCount());
    }

    @Override
    public Flux<OutboxState> outboxStates(String conversationId, Collection<Long> seqs) {
        List<String> ids = seqs.stream().map(seq -> MessageKey.id(conversationId, seq)).toList();
        Query query = Query.query(where("_id").in(ids));
        query.fields().include("_id", DocumentOutbox.FIELD);
        return ids.isEmpty() ? Flux.empty()
                : mongo.find(query, org.bson.Document.class, COLLECTION)
                        .map(document -> new OutboxState(MessageKey.parse(document.getString("_id")).seq(),
                                !document.getList(DocumentOutbox.FIELD, Object.class, List.of()).isEmpty()));
    }

    @Override
    public Mono<Void> relayPending(MessageKey key) {
        return outbox.relay(COLLECTION, key.id());
    }

    private Mono<Void> update(String id, Update update) {
        return mongo.updateFirst(Query.query(where("_id").is(id)), update, MessageDocument.class).then();
    }
}
