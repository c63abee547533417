package app.haven.portal.application.port.out;

import java.util.UUID;

import app.haven.portal.domain.Assessment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface AssessmentStore {

    Mono<Void> add(Assessment assessment);

    Mono<Void> save(Assessment assessment);

    /** The assessment, locked until the transaction ends. */
    Mono<Assessment> lock(UUID id);

    /** The client's assessments, newest assignment first, at most {@code limit}. */
    Flux<Assessment> ofClient(UUID clientId, int limit);
}
