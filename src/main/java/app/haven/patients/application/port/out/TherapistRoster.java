package app.haven.patients.application.port.out;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** The practice's therapists as patients knows them: one row each, which scheduling locks. */
public interface TherapistRoster {

    /** Adds the therapist unless already there. */
    Mono<Void> addIfAbsent(UUID therapistId, Instant now);

    /**
     * Locks the therapist's calendar for the rest of the current transaction, so bookings for one
     * therapist are checked for overlap one at a time. Errors when the therapist is unknown.
     */
    Mono<Void> lockCalendar(UUID therapistId);
}
