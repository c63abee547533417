package app.haven.shared.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import com.mongodb.client.model.Filters;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Mono;

/**
 * Keeps the embedded server's oplog to its window. MongoDB caps its own oplog; the embedded server
 * keeps every write forever and rescans all of it whenever a change stream polls, so without this
 * live delivery would slow down the longer an embedded Haven runs.
 */
public class EmbeddedOplogTrim {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedOplogTrim.class);

    private final MongoCollection<Document> oplog;
    private final Duration window;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    EmbeddedOplogTrim(MongoClient mongo, Duration window, Clock clock) {
        this.oplog = mongo.getDatabase("local").getCollection("oplog.rs");
        this.window = window;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${haven.embedded-mongo.oplog-trim-interval:1m}")
    void trimOnSchedule() {
        if (running.compareAndSet(false, true)) {
            trim(clock.instant())
                    .doOnError(failure -> log.warn("Could not trim the embedded oplog; the next pass retries", failure))
                    .onErrorComplete()
                    .doFinally(signal -> running.set(false))
                    .subscribe();
        }
    }

    /** Removes the entries written before the window that ends at {@code now}; answers how many. */
    public Mono<Long> trim(Instant now) {
        return Mono.from(oplog.deleteMany(Filters.lt("wall", Date.from(now.minus(window)))))
                .map(DeleteResult::getDeletedCount);
    }

    /** How many entries the oplog holds. */
    public Mono<Long> size() {
        return Mono.from(oplog.countDocuments());
    }
}
