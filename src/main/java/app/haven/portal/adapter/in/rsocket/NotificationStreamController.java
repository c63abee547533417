package app.haven.portal.adapter.in.rsocket;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;

import app.haven.portal.application.NotificationFeed;
import app.haven.portal.domain.Notification;
import app.haven.shared.Caller;
import reactor.core.publisher.Flux;

/** The caller's notifications as they happen, over RSocket (TCP or WebSocket). */
@Controller
class NotificationStreamController {

    private final NotificationFeed feed;

    NotificationStreamController(NotificationFeed feed) {
        this.feed = feed;
    }

    @MessageMapping("notifications")
    Flux<Notification> notifications(Caller caller) {
        return feed.stream(caller);
    }
}
