package app.haven.patients;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Making a therapist responsible for a client from another module (the portal, when staff approve
 * a therapist change request). The same use case as staff's assignment route: the previous
 * assignment ends, its upcoming sessions are withdrawn, and TherapistAssigned follows. Assigning
 * the current therapist again changes nothing, so a retry is safe.
 */
public interface CareAssignments {

    /** Completes when the assignment is committed; errors like the assignment route does. */
    Mono<Void> assign(UUID clientId, UUID therapistId);
}
