package app.haven.portal.adapter.in.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.portal.application.Dashboard;
import app.haven.portal.application.NotificationFeed;
import app.haven.portal.domain.Notification;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

/** The client's dashboard and anyone's notification feed. */
@RestController
@Validated
@RequestMapping("/api/v1/portal")
class PortalController {

    private final Dashboard dashboard;
    private final NotificationFeed feed;

    PortalController(Dashboard dashboard, NotificationFeed feed) {
        this.dashboard = dashboard;
        this.feed = feed;
    }

    @GetMapping("/dashboard")
    Mono<Dashboard.View> dashboard(Caller caller) {
        return dashboard.of(caller);
    }

    @GetMapping("/notifications")
    Mono<CursorPage<Notification>> notifications(Caller caller,
            @RequestParam(defaultValue = "false") boolean unreadOnly, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "30") @Min(1) @Max(100) int limit) {
        return feed.page(caller, unreadOnly, cursor, limit);
    }

    @PostMapping("/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> markRead(Caller caller, @PathVariable UUID id) {
        return feed.markRead(caller, id);
    }

    @PostMapping("/notifications/read-all")
    Mono<MarkedRead> markAllRead(Caller caller) {
        return feed.markAllRead(caller).map(MarkedRead::new);
    }

    record MarkedRead(long marked) {
    }
}
