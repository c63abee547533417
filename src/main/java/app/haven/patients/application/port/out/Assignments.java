package app.haven.patients.application.port.out;

import java.util.UUID;

import app.haven.patients.domain.Assignment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The history of assignments. At most one per client is active at a time; the store enforces it,
 * so two concurrent assignments cannot both win.
 */
public interface Assignments {

    /** The client's active assignment, locked for the rest of the current transaction. */
    Mono<Assignment> lockActiveOf(UUID clientId);

    /** The client's active assignment, read without locking. */
    Mono<Assignment> activeOf(UUID clientId);

    /** The therapist's active assignments. */
    Flux<Assignment> activeFor(UUID therapistId);

    Mono<Void> add(Assignment assignment);

    Mono<Void> ended(Assignment assignment);
}
