package app.haven.patients;

import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who is whose therapist right now: what every module asks before letting a therapist see,
 * message, assign to or bill a client. Ended assignments never count.
 */
public interface Caseload {

    Mono<Boolean> isAssigned(UUID therapistId, UUID clientId);

    Flux<UUID> clientsOf(UUID therapistId);

    Flux<UUID> therapistsOf(UUID clientId);
}
