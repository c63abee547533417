package app.haven.messaging.adapter.out.live;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.result.DeleteResult;

import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import app.haven.messaging.application.MessagingProperties;
import app.haven.messaging.application.port.out.LiveEvents;
import app.haven.messaging.domain.ConversationEvent;
import app.haven.messaging.domain.CursorExpiredException;
import app.haven.messaging.domain.DeliveredEvent;
import app.haven.shared.ChangeStreamPolling;
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
@ConditionalOnExpression(LiveTransports.CHANGE_STREAMS)
class MongoLiveEvents implements LiveEvents, SmartLifecycle {

    static final String COLLECTION = "live_events";
    private static final Logger log = LoggerFactory.getLogger(MongoLiveEvents.class);
    private static final String MARKER = "MARKER";
    private static final int CATCH_UP_LIMIT = 10_000;
    /** Extended JSON keeps every BSON type of the resume token, so it parses back to the same token. */
    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final MessagingProperties properties;
    private final Clock clock;
    /** Set on the embedded server, which does not wait for data on a tailing cursor. */
    private final ChangeStreamPolling polling;
    private final Sinks.Many<Change> feed = Sinks.many().multicast().directBestEffort();
    private final Counter published;
    private final Counter failedToPublish;
    private final AtomicReference<Disposable> tail = new AtomicReference<>();
    private final AtomicReference<BsonValue> lastSeen = new AtomicReference<>();

    MongoLiveEvents(ReactiveMongoTemplate mongo, JsonMapper json, MessagingProperties properties, Clock clock,
            ObjectProvider<ChangeStreamPolling> polling, MeterRegistry meters) {
        this.mongo = mongo;
        this.polling = polling.getIfAvailable();
        this.json = json;
        this.properties = properties;
        this.clock = clock;
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
            return live.filter(change -> change.marker() == null).map(change -> change.deliveryTo(userId));
        }
        String marker = UUID.randomUUID().toString();
        return Flux.defer(() -> {
            Cursor cursor = Cursor.decode(since);
            if (cursor.at().isBefore(clock.instant().minus(properties.liveReplayWindow()))) {
                return Flux.error(new CursorExpiredException("That cursor is older than the replay window; reload from REST"));
            }
            BsonValue resumeToken = cursor.token();
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
            return Flux.concat(mongo.insert(marker(userId, marker), COLLECTION).thenMany(replay)
                                    .filter(change -> change.marker() == null).map(change -> change.replayTo(userId)),
                            afterMarker.filter(change -> change.marker() == null).map(change -> change.deliveryTo(userId)))
                    .doFinally(signal -> joined.dispose());
        });
    }

    @Override
    public Mono<Long> forgetBefore(Instant cutoff) {
        return mongo.remove(Query.query(Criteria.where("at").lt(Date.from(cutoff))), COLLECTION)
                .map(DeleteResult::getDeletedCount);
    }

    /**
     * The inserts into {@code live_events} after {@code resumeAfter} (or from now), for everyone or
     * only for {@code userId} and their marker, as long as the subscriber stays.
     */
    private Flux<Change> changes(BsonValue resumeAfter, UUID userId, String marker) {
        Criteria inserts = Criteria.where("operationType").is("insert");
        Criteria wanted = userId == null ? inserts : inserts.orOperator(
                Criteria.where("fullDocument.recipients").is(userId.toString()),
                Criteria.where("fullDocument.marker").is(marker));
        if (polling != null) {
            return polled(resumeAfter, wanted.getCriteriaObject(), polling.interval());
        }
        var stream = mongo.changeStream(Document.class).watchCollection(COLLECTION).filter(wanted);
        return (resumeAfter == null ? stream.listen() : stream.startAfter(resumeAfter).listen())
                .filter(change -> change.getBody() != null)
                .map(change -> change(change.getBody(), change.getResumeToken()));
    }

    /**
     * A change stream read the way a tailing cursor would be if the server waited for data: the
     * first batch, then a {@code getMore} every {@code interval}, and the cursor closed when the
     * subscriber leaves.
     */
    private Flux<Change> polled(BsonValue resumeAfter, Document match, Duration interval) {
        Document changeStream = resumeAfter == null ? new Document() : new Document("startAfter", resumeAfter);
        Document aggregate = new Document("aggregate", COLLECTION)
                .append("pipeline", List.of(new Document("$changeStream", changeStream), new Document("$match", match)))
                .append("cursor", new Document());
        return mongo.executeCommand(aggregate).flatMapMany(opened -> {
            Document cursor = opened.get("cursor", Document.class);
            long id = cursor.get("id", Number.class).longValue();
            Flux<Document> later = Mono.defer(() -> mongo.executeCommand(
                            new Document("getMore", id).append("collection", COLLECTION)))
                    .map(reply -> reply.get("cursor", Document.class).getList("nextBatch", Document.class))
                    .delaySubscription(interval)
                    .repeat()
                    .concatMapIterable(batch -> batch);
            return Flux.concat(Flux.fromIterable(cursor.getList("firstBatch", Document.class)), later)
                    .doFinally(signal -> mongo.executeCommand(new Document("killCursors", COLLECTION)
                                    .append("cursors", List.of(id)))
                            .subscribe(closed -> { }, failure -> log.debug("Could not close a change stream", failure)));
        }).filter(change -> change.get("fullDocument") != null)
                .map(change -> change(change.get("fullDocument", Document.class),
                        change.get("_id", Document.class).toBsonDocument()));
    }

    /** One insert seen on the change stream: an event, or a resuming subscriber's marker. */
    private record Change(BsonValue token, String cursor, Set<UUID> recipients, ConversationEvent event, String marker) {

        DeliveredEvent deliveryTo(UUID userId) {
            return new DeliveredEvent(cursor, event.seenBy(userId));
        }

        DeliveredEvent replayTo(UUID userId) {
            return new DeliveredEvent(cursor, event.seenBy(userId), true);
        }
    }

    private Change change(Document document, BsonValue token) {
        Set<UUID> recipients = new HashSet<>();
        document.getList("recipients", String.class, List.of()).forEach(id -> recipients.add(UUID.fromString(id)));
        String cursor = new Cursor(token, document.getDate("at").toInstant()).encode();
        if (MARKER.equals(document.getString("type"))) {
            return new Change(token, cursor, recipients, null, document.getString("marker"));
        }
        JsonNode payload = json.readTree(document.getString("payload"));
        Map<UUID, Object> personal = new HashMap<>();
        String personalJson = document.getString("personal");
        if (personalJson != null) {
            json.readTree(personalJson).properties()
                    .forEach(entry -> personal.put(UUID.fromString(entry.getKey()), entry.getValue()));
        }
        return new Change(token, cursor, recipients, new ConversationEvent(ConversationEvent.Type.valueOf(document.getString("type")),
                document.getString("conversationId"), document.getDate("at").toInstant(), recipients, payload, personal),
                null);
    }

    private Document document(ConversationEvent event) {
        Document document = new Document("type", event.type().name())
                .append("conversationId", event.conversationId())
                .append("at", Date.from(event.at()))
                .append("recipients", event.recipients().stream().map(UUID::toString).toList())
                .append("payload", json.writeValueAsString(event.payload()));
        return event.personal().isEmpty() ? document : document.append("personal", json.writeValueAsString(event.personal()));
    }

    private Document marker(UUID userId, String marker) {
        return new Document("type", MARKER).append("marker", marker)
                .append("recipients", List.of(userId.toString()))
                .append("at", Date.from(clock.instant()));
    }

    /** A cursor: the change stream's resume token, and when the event happened, to tell a stale one. */
    private record Cursor(BsonValue token, Instant at) {

        String encode() {
            BsonDocument cursor = new BsonDocument("t", token).append("at", new BsonDateTime(at.toEpochMilli()));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(cursor.toJson(EXACT).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                BsonDocument parsed = BsonDocument.parse(
                        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
                return new Cursor(parsed.get("t").asDocument(),
                        Instant.ofEpochMilli(parsed.getDateTime("at").getValue()));
            } catch (RuntimeException e) {
                throw new CursorExpiredException("That is not a cursor Haven handed out");
            }
        }
    }

    // ---- the instance's tail of the change stream

    /**
     * Tails from now. After a stop the tail starts afresh rather than resuming, so it never replays
     * into streams that were open before; subscribers resuming with a cursor still get everything.
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
