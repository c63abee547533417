package app.haven.support;

import java.util.UUID;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;

import app.haven.shared.Caller;
import app.haven.shared.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Test-only RSocket routes exercising each interaction model over both transports, with the
 * authenticated caller resolved exactly as production routes resolve it.
 */
@Controller
class TransportProbeController {

    @MessageMapping("probe.echo")
    Mono<Echo> echo(Caller caller, Echo request) {
        return Mono.just(new Echo(request.text(), caller.id()));
    }

    @MessageMapping("probe.count")
    Flux<Echo> count(Caller caller, Echo request) {
        return Flux.range(1, Integer.parseInt(request.text())).map(n -> new Echo(String.valueOf(n), caller.id()));
    }

    @MessageMapping("probe.channel")
    Flux<Echo> channel(Caller caller, Flux<Echo> requests) {
        return requests.map(request -> new Echo(request.text().toUpperCase(), caller.id()));
    }

    @MessageMapping("probe.not-found")
    Flux<Echo> notFound(Caller caller) {
        return Flux.error(new NotFoundException("Conversation"));
    }

    @MessageMapping("probe.failure")
    Mono<Echo> failure(Caller caller) {
        return Mono.error(new IllegalStateException(FailingProbeController.SECRET_DETAIL));
    }

    record Echo(String text, UUID callerId) {
    }
}
