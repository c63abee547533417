package app.haven.patients;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who a therapy session is between and when, for modules that attach things to a session or
 * remind people of it. Never notes.
 */
public interface SessionDirectory {

    /** The session's client and therapist; empty for an unknown session. */
    Mono<SessionParties> partiesOf(UUID sessionId);

    /** The client's scheduled sessions starting from {@code from} on, earliest first. */
    Flux<SessionSlot> upcomingFor(UUID clientId, Instant from, int limit);

    /** Every scheduled session starting from {@code from} up to, not including, {@code to}. */
    Flux<SessionSlot> scheduledBetween(Instant from, Instant to, int limit);

    record SessionParties(UUID sessionId, UUID clientId, UUID therapistId) {
    }

    record SessionSlot(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt, int durationMinutes,
            String type, boolean telehealth) {
    }
}
