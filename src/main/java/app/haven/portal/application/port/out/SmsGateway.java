package app.haven.portal.application.port.out;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Text messages to a phone. What goes through it says that something happened, never what. */
public interface SmsGateway {

    Mono<Void> send(String phone, String body);

    /** The texts sent most recently, newest first; what embedded mode's dev outbox shows. */
    Flux<SentText> latest(int limit);

    record SentText(String to, String body, Instant sentAt) {
    }
}
