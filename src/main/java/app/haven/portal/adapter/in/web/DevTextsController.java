package app.haven.portal.adapter.in.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.haven.portal.application.DevTexts;
import app.haven.shared.CursorPage;
import reactor.core.publisher.Mono;

/** The texts Haven sent, beside the dev mail outbox; embedded mode only ({@code haven.dev.outbox-enabled}). */
@RestController
@ConditionalOnProperty("haven.dev.outbox-enabled")
class DevTextsController {

    private final DevTexts texts;

    DevTextsController(DevTexts texts) {
        this.texts = texts;
    }

    @GetMapping("/api/v1/dev/texts")
    Mono<CursorPage<DevTexts.Text>> texts() {
        return texts.latest().collectList().map(CursorPage::last);
    }
}
