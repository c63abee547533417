package app.haven.portal.application.port.out;

import java.util.UUID;

import app.haven.portal.domain.ChangeRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ChangeRequestStore {

    /** Adds the request; fails with {@code ConflictException} when the client already has an open one. */
    Mono<Void> add(ChangeRequest request);

    Mono<Void> save(ChangeRequest request);

    Mono<ChangeRequest> lock(UUID id);

    /** Newest first; {@code status} and {@code clientId} narrow when given. */
    Flux<ChangeRequest> list(ChangeRequest.Status status, UUID clientId, int limit);
}
