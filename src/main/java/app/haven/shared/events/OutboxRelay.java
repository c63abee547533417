package app.haven.shared.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.moments.DayHasPassed;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed events from the {@code event_outbox} table into Spring Modulith's publication
 * registry.
 * <p>
 * One JDBC transaction locks a batch of pending rows ({@code FOR UPDATE SKIP LOCKED}, so several
 * instances share the work without relaying a row twice), publishes each event (the registry
 * records a publication per listener in this same transaction) and marks the rows relayed.
 * Listeners run after that commit. A crash before the commit leaves the rows pending for the next
 * run; a crash after it leaves incomplete publications, which the registry resubmits.
 * <p>
 * All of this blocks, so it runs on its own thread, never on an event loop.
 */
@Component
class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher publisher;
    private final EventCodec codec;
    private final EventsProperties properties;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean ready;

    OutboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher publisher, EventCodec codec, EventsProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.publisher = publisher;
        this.codec = codec;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ready = properties.relayEnabled();
        relaySoon();
    }

    /** Asks for a relay run; calls while one is queued coalesce into it. */
    void relaySoon() {
        if (ready && pending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    @Scheduled(fixedDelayString = "${haven.events.relay-interval:1s}")
    void poll() {
        relaySoon();
    }

    private void drain() {
        pending.set(false);
        try {
            while (relayBatch() == BATCH) {
                // a full batch means more may be waiting
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay run failed; the rows stay pending and the next run retries", e);
        }
    }

    int relayBatch() {
        Integer relayed = transaction.execute(status -> {
            List<PendingRow> rows = jdbc.query("""
                    SELECT id, event_type, payload FROM event_outbox
                    WHERE relayed_at IS NULL AND failure IS NULL
                    ORDER BY position
                    FETCH FIRST %d ROWS ONLY
                    FOR UPDATE SKIP LOCKED""".formatted(BATCH),
                    (rs, n) -> new PendingRow(rs.getObject("id", UUID.class), rs.getString("event_type"),
                            rs.getString("payload")));
            Timestamp now = Timestamp.from(Instant.now());
            for (PendingRow row : rows) {
                decode(row).ifPresentOrElse(
                        event -> {
                            publisher.publishEvent(event);
                            jdbc.update("UPDATE event_outbox SET relayed_at = ? WHERE id = ?", now, row.id());
                        },
                        () -> jdbc.update("UPDATE event_outbox SET failure = ? WHERE id = ?",
                                "cannot decode " + row.type(), row.id()));
            }
            return rows.size();
        });
        return relayed == null ? 0 : relayed;
    }

    /**
     * A row that cannot become an event again (its type was renamed, its JSON no longer fits) is
     * set aside with the reason instead of blocking every event behind it.
     */
    private Optional<Object> decode(PendingRow row) {
        try {
            return Optional.of(codec.decode(row.type(), row.payload()));
        } catch (RuntimeException e) {
            log.error("Outbox row {} of type {} cannot be decoded and is set aside", row.id(), row.type(), e);
            return Optional.empty();
        }
    }

    /** Relayed rows are kept a while for inspection; the registry holds the publications. */
    @EventListener
    void purge(DayHasPassed day) {
        Instant cutoff = Instant.now().minus(properties.keepRelayed());
        int purged = jdbc.update("DELETE FROM event_outbox WHERE relayed_at < ?", Timestamp.from(cutoff));
        log.info("Purged {} relayed outbox rows older than {}", purged, cutoff);
    }

    @Override
    public void destroy() throws InterruptedException {
        ready = false;
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    private record PendingRow(UUID id, String type, String payload) {
    }
}
