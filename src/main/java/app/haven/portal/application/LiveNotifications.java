package app.haven.portal.application;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.haven.portal.application.port.out.NotificationStore;
import app.haven.portal.domain.Notification;
import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Pushes new notifications to the people they are for, on whichever instance they are connected.
 * What this instance stores goes out at once; what other instances store is found by looking at
 * the table every {@code livePollInterval} (by position, with a look back so a row that committed
 * late is not skipped). Each notification goes out once per instance: recent ids are remembered.
 */
@Component
public class LiveNotifications {

    private static final Logger log = LoggerFactory.getLogger(LiveNotifications.class);
    /** Positions are handed out at insert but rows commit in any order: look this far back. */
    private static final long LOOK_BACK = 200;
    private static final int BATCH = 500;
    private static final int REMEMBERED = 10_000;

    private final NotificationStore store;
    private final Sinks.Many<Notification> sink = Sinks.many().multicast().directBestEffort();
    private final Set<UUID> delivered = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private final AtomicLong watermark = new AtomicLong(-1);
    private final PortalProperties properties;
    private volatile Disposable polling = Disposables.disposed();

    LiveNotifications(NotificationStore store, PortalProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Looks at the table only once the application is up, never while it starts. */
    @EventListener(ApplicationReadyEvent.class)
    void startLooking() {
        polling = Flux.interval(properties.livePollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> look().onErrorResume(failure -> {
                    log.debug("Looking for new notifications failed; the next look tries again", failure);
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** The recipient's notifications from now on. */
    public Flux<Notification> streamFor(UUID recipientId) {
        return sink.asFlux().filter(notification -> notification.recipientId().equals(recipientId))
                .onBackpressureBuffer(256);
    }

    /** A notification this instance has just committed: out at once. */
    void publish(Notification notification) {
        boolean first;
        synchronized (delivered) {
            first = delivered.add(notification.id());
        }
        if (first) {
            sink.emitNext(notification, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
        }
    }

    private Mono<Void> look() {
        if (sink.currentSubscriberCount() == 0 || watermark.get() < 0) {
            // nobody to push to: only keep up, so a stream opened later starts from now
            return store.lastPosition().doOnNext(watermark::set).then();
        }
        return store.after(Math.max(0, watermark.get() - LOOK_BACK), BATCH)
                .doOnNext(stored -> {
                    watermark.accumulateAndGet(stored.position(), Math::max);
                    publish(stored.notification());
                })
                .then();
    }

    @PreDestroy
    void stop() {
        polling.dispose();
    }
}
