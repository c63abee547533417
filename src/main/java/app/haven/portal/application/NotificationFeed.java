package app.haven.portal.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.portal.application.port.out.NotificationStore;
import app.haven.portal.domain.Notification;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.KeysetCursor;
import app.haven.shared.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Anyone's own notifications: the feed page by page, marking read, and the live stream. */
@Service
public class NotificationFeed {

    private final NotificationStore store;
    private final LiveNotifications live;
    private final Clock clock;

    NotificationFeed(NotificationStore store, LiveNotifications live, Clock clock) {
        this.store = store;
        this.live = live;
        this.clock = clock;
    }

    public Mono<CursorPage<Notification>> page(Caller caller, boolean unreadOnly, String cursor, int limit) {
        NotificationStore.Position after = KeysetCursor.decode(cursor, NotificationStore.Position::new);
        return store.feed(caller.id(), unreadOnly, after, limit + 1).collectList().map(found -> CursorPage.ofOneExtra(
                found, limit, last -> KeysetCursor.encode(last.createdAt(), last.id())));
    }

    /** Someone else's notification is not found, as if it did not exist. */
    public Mono<Void> markRead(Caller caller, UUID notificationId) {
        return store.markRead(caller.id(), notificationId, clock.instant()).filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Notification"))).then();
    }

    public Mono<Long> markAllRead(Caller caller) {
        return store.markAllRead(caller.id(), clock.instant());
    }

    public Flux<Notification> stream(Caller caller) {
        return live.streamFor(caller.id());
    }
}
