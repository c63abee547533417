package app.haven.patients;

import java.util.UUID;

import reactor.core.publisher.Mono;

/** Who a therapy session is between, for modules that attach things to a session. */
public interface SessionDirectory {

    /** The session's client and therapist; empty for an unknown session. */
    Mono<SessionParties> partiesOf(UUID sessionId);

    record SessionParties(UUID sessionId, UUID clientId, UUID therapistId) {
    }
}
