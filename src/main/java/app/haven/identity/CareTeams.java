package app.haven.identity;

import java.util.UUID;

import reactor.core.publisher.Flux;

/**
 * Who cares for whom, which decides whom a client or therapist may find and message. Identity
 * declares it and the patients module, which owns the caseloads, implements it: an upstream
 * module never names a downstream one.
 */
public interface CareTeams {

    /** The clients currently assigned to the therapist. */
    Flux<UUID> clientsOf(UUID therapistId);

    /** The therapists currently assigned to the client. */
    Flux<UUID> therapistsOf(UUID clientId);
}
