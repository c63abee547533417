package app.haven.portal.application.port.out;

import java.time.Instant;
import java.util.UUID;

import app.haven.portal.domain.Notification;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface NotificationStore {

    /** Adds the notification; false (nothing added) when its source key was used before. */
    Mono<Boolean> add(Notification notification);

    /** The recipient's feed, newest first, after {@code after}. */
    Flux<Notification> feed(UUID recipientId, boolean unreadOnly, Position after, int limit);

    /** Marks the recipient's notification read; false when it is not theirs. */
    Mono<Boolean> markRead(UUID recipientId, UUID notificationId, Instant now);

    Mono<Long> markAllRead(UUID recipientId, Instant now);

    /** Everyone's notifications stored after {@code position}, in order: what live streams push. */
    Flux<Stored> after(long position, int limit);

    /** The highest position stored, 0 when none. */
    Mono<Long> lastPosition();

    record Stored(long position, Notification notification) {
    }

    record Position(Instant createdAt, UUID id) {
    }
}
