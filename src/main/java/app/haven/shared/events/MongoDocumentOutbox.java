package app.haven.shared.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.haven.shared.DocumentOutbox;
import app.haven.shared.StagedEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Relays events embedded in MongoDB documents: publishes them into the registry in one JDBC
 * transaction (listeners run after its commit), then pulls them from the document. A crash between
 * the two publishes them again later, which idempotent listeners absorb.
 */
@Component
class MongoDocumentOutbox implements DocumentOutbox {

    private static final Logger log = LoggerFactory.getLogger(MongoDocumentOutbox.class);
    private static final String ID = "_id";

    private final ReactiveMongoTemplate mongo;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher publisher;
    private final EventCodec codec;
    private final EventsProperties properties;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final Set<String> sweptByOwners = ConcurrentHashMap.newKeySet();
    private volatile boolean ready;

    MongoDocumentOutbox(ReactiveMongoTemplate mongo, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher publisher, EventCodec codec, EventsProperties properties) {
        this.mongo = mongo;
        this.transaction = new TransactionTemplate(transactionManager);
        this.publisher = publisher;
        this.codec = codec;
        this.properties = properties;
    }

    @Override
    public StagedEvent stage(Object event) {
        return codec.encode(event);
    }

    @Override
    public Mono<Void> relay(String collection, Object documentId) {
        if (!properties.relayEnabled()) {
            return Mono.empty();
        }
        return mongo.findById(documentId, Document.class, collection)
                .flatMap(document -> relayDocument(collection, document))
                .onErrorResume(e -> {
                    log.warn("Relaying the outbox of {} {} failed; the sweeper retries", collection, documentId, e);
                    return Mono.empty();
                });
    }

    private Mono<Void> relayDocument(String collection, Document document) {
        List<Document> staged = document.getList(FIELD, Document.class, List.of());
        if (staged.isEmpty()) {
            return Mono.empty();
        }
        List<Object> ids = staged.stream().map(MongoDocumentOutbox::eventId).toList();
        return Mono.fromRunnable(() -> publish(staged))
                .subscribeOn(Schedulers.boundedElastic())
                .then(mongo.updateFirst(Query.query(where("_id").is(document.get("_id"))),
                        new Update().pull(FIELD, new Document(ID, new Document("$in", ids))), collection))
                .then();
    }

    /** Spring Data writes a nested record's {@code id} as {@code _id}. */
    private static Object eventId(Document event) {
        return event.get(ID);
    }

    private void publish(List<Document> staged) {
        transaction.executeWithoutResult(status -> staged.forEach(event -> publisher.publishEvent(
                codec.decode(event.getString("type"), event.getString("payload")))));
    }

    @Override
    public void sweptByOwner(String collection) {
        sweptByOwners.add(collection);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ready = properties.relayEnabled();
        sweep();
    }

    /** Relays what a crash between a write and its relay left behind, in every collection. */
    @Scheduled(fixedDelayString = "${haven.events.sweep-interval:10s}")
    void sweep() {
        if (!ready || !sweeping.compareAndSet(false, true)) {
            return;
        }
        mongo.getCollectionNames()
                .filter(collection -> !sweptByOwners.contains(collection))
                .concatMap(collection -> mongo.find(
                                Query.query(where(FIELD + ".0").exists(true)), Document.class, collection)
                        .concatMap(document -> relayDocument(collection, document)))
                .onErrorResume(e -> {
                    log.warn("Document outbox sweep failed; the next sweep retries", e);
                    return Flux.empty();
                })
                .doFinally(signal -> sweeping.set(false))
                .subscribe();
    }
}
