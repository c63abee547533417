package app.haven.identity.adapter.in.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.haven.identity.application.DevMailbox;
import app.haven.shared.CursorPage;
import reactor.core.publisher.Mono;

/**
 * The mail Haven wrote, for developers on the embedded mode who have no mail server. The route
 * does not exist in production mode ({@code haven.dev.outbox-enabled} is only set by the embedded
 * defaults).
 */
@RestController
@ConditionalOnProperty("haven.dev.outbox-enabled")
class DevOutboxController {

    private final DevMailbox mailbox;

    DevOutboxController(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/api/v1/dev/outbox")
    Mono<CursorPage<DevMailbox.Message>> outbox() {
        return mailbox.latest().collectList().map(CursorPage::last);
    }
}
