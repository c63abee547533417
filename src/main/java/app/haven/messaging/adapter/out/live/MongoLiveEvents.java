package app.haven.messaging.adapter.out.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ChangeStreamEvent;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import app.haven.messaging.application.port.out.LiveEvents;
import app.haven.messaging.domain.ConversationEvent;
import app.haven.messaging.domain.CursorExpiredException;
import app.haven.messaging.domain.DeliveredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live events through MongoDB: each event is inserted into {@code live_events}, and every instance
 * tails that collection's change stream and hands each event to its own connected subscribers. So a
 * message sent through one instance reaches people connected to another, and the change stream's
 * resume token is the cursor a reconnecting subscriber resumes after.
 * <p>
 * Resuming: the subscriber first joins this instance's live feed (buffering), then a marker event
 * addressed to it alone is inserted, then a private change stream replays from its cursor. Both
 * streams follow the same oplog order, so the replay is taken up to the marker and the live feed
 * from just after it: nothing is missed and nothing doubled, whatever was written meanwhile.
 */
@Component
class MongoLiveEvents implements LiveEvents, SmartLifecycle {

    static final String COLLECTION = "live_events";
    private static final Logger log = LoggerFactory.getLogger(MongoLiveEvents.class);
    private static final String MARKER = "MARKER";
    private static final int CATCH_UP_LIMIT = 10_000;
    /** Extended JSON keeps every BSON type of the resume token, so it parses back to the same token. */
    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final Sinks.Many<Change> feed = Sinks.many().multicast().directBestEffort();
    private final Counter published;
    private final Counter failedToPublish;
    private final AtomicReference<Disposable> tail = new AtomicReference<>();
    private final AtomicReference<BsonValue> lastSeen = new AtomicReference<>();

    MongoLiveEvents(ReactiveMongoTemplate mongo, JsonMapper json, MeterRegistry meters) {
        this.mongo = mongo;
        this.json = json;
        this.published = Counter.builder("haven.live.events.published").register(meters);
        this.failedToPublish = Counter.builder("haven.live.events.failed").description(
                "Live events that could not be recorded (the change itself was kept; clients catch up over REST)")
                .register(meters);
        Gauge.builder("haven.live.subscribers", feed, Sinks.Many::currentSubscriberCount)
                .description("Live conversation-event streams open on this instance")
                .register(meters);
    }

    @Override
    public Mono<Void> publish(ConversationEvent event) {
        return Mono.fromCallable(() -> document(event))
                .flatMap(document -> mongo.insert(document, COLLECTION))
                .doOnNext(stored -> published.increment())
                .onErrorResume(failure -> {
                    failedToPublish.increment();
                    log.warn("Could not record a live {} event of conversation {}", event.type(), event.conversationId(),
                            failure);
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public Flux<DeliveredEvent> of(UUID userId, String since) {
        Flux<Change> live = feed.asFlux().filter(change -> change.recipients().contains(userId));
        if (since == null || since.isBlank()) {
            return live.filter(change -> change.marker() == null).map(Change::delivery);
        }
        String marker = UUID.randomUUID().toString();
        return Flux.defer(() -> {
            BsonValue resumeToken = decode(since);
            Sinks.Many<Change> buffered = Sinks.many().unicast().onBackpressureBuffer();
            Disposable joined = live.subscribe(change -> buffered.tryEmitNext(change), buffered::tryEmitError);
            Flux<Change> replay = changes(resumeToken, userId, marker)
                    .onErrorMap(failure -> !(failure instanceof CursorExpiredException),
                            failure -> new CursorExpiredException("That cursor can no longer be resumed; reload from REST"))
                    .takeUntil(change -> marker.equals(change.marker()))
                    .index()
                    .handle((indexed, sink) -> {
                        if (indexed.getT1() > CATCH_UP_LIMIT) {
                            sink.error(new CursorExpiredException("Too much happened since that cursor; reload from REST"));
                        } else {
                            sink.next(indexed.getT2());
                        }
                    });
            Flux<Change> afterMarker = buffered.asFlux()
                    .skipUntil(change -> marker.equals(change.marker()))
                    .skip(1);
            return Flux.concat(mongo.insert(marker(userId, marker), COLLECTION).thenMany(replay), afterMarker)
                    .filter(change -> change.marker() == null)
                    .map(Change::delivery)
                    .doFinally(signal -> joined.dispose());
        });
    }

    private Flux<Change> changes(BsonValue resumeAfter, UUID userId, String marker) {
        var stream = mongo.changeStream(Document.class).watchCollection(COLLECTION);
        var filtered = userId == null ? stream.filter(Criteria.where("operationType").is("insert"))
                : stream.filter(Criteria.where("operationType").is("insert").orOperator(
                        Criteria.where("fullDocument.recipients").is(userId.toString()),
                        Criteria.where("fullDocument.marker").is(marker)));
        return (resumeAfter == null ? filtered.listen() : filtered.startAfter(resumeAfter).listen())
                .filter(change -> change.getBody() != null)
                .map(this::change);
    }

    /** One insert seen on the change stream: an event, or a resuming subscriber's marker. */
    private record Change(BsonValue token, String cursor, Set<UUID> recipients, ConversationEvent event, String marker) {

        DeliveredEvent delivery() {
            return new DeliveredEvent(cursor, event);
        }
    }

    private Change change(ChangeStreamEvent<Document> change) {
        Document document = change.getBody();
        Set<UUID> recipients = new HashSet<>();
        document.getList("recipients", String.class, List.of()).forEach(id -> recipients.add(UUID.fromString(id)));
        BsonValue token = change.getResumeToken();
        String cursor = encode(token);
        if (MARKER.equals(document.getString("type"))) {
            return new Change(token, cursor, recipients, null, document.getString("marker"));
        }
        JsonNode payload = json.readTree(document.getString("payload"));
        return new Change(token, cursor, recipients, new ConversationEvent(ConversationEvent.Type.valueOf(document.getString("type")),
                document.getString("conversationId"), document.getDate("at").toInstant(), recipients, payload), null);
    }

    private Document document(ConversationEvent event) {
        return new Document("type", event.type().name())
                .append("conversationId", event.conversationId())
                .append("at", Date.from(event.at()))
                .append("recipients", event.recipients().stream().map(UUID::toString).toList())
                .append("payload", json.writeValueAsString(event.payload()));
    }

    private static Document marker(UUID userId, String marker) {
        return new Document("type", MARKER).append("marker", marker)
                .append("recipients", List.of(userId.toString()))
                .append("at", new Date());
    }

    private static String encode(BsonValue token) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(token.asDocument().toJson(EXACT).getBytes(StandardCharsets.UTF_8));
    }

    private static BsonValue decode(String cursor) {
        try {
            return BsonDocument.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new CursorExpiredException("That is not a cursor Haven handed out");
        }
    }

    // ---- the instance's tail of the change stream

    /**
     * Tails from now. After a stop (Spring's test context cache pauses idle contexts) the tail starts
     * afresh rather than resuming: on the embedded server a resumed change stream rescans the whole
     * oplog on every poll. Subscribers resuming with a cursor still get everything.
     */
    @Override
    public void start() {
        lastSeen.set(null);
        Disposable subscription = Flux.defer(() -> changes(lastSeen.get(), null, null))
                .doOnNext(change -> lastSeen.set(change.token()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(retry -> log.warn("The live event feed broke; resuming", retry.failure())))
                .subscribe(change -> feed.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))),
                        failure -> log.error("The live event feed stopped", failure));
        tail.set(subscription);
    }

    @Override
    public void stop() {
        Disposable subscription = tail.getAndSet(null);
        if (subscription != null) {
            subscription.dispose();
        }
    }

    /** On shutdown every open stream completes, so apps reconnect (elsewhere) with their cursor. */
    @PreDestroy
    void completeStreams() {
        feed.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return tail.get() != null;
    }
}
