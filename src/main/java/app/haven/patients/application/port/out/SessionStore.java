package app.haven.patients.application.port.out;

import java.time.Instant;
import java.util.UUID;

import app.haven.patients.domain.Session;
import app.haven.patients.domain.SessionStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sessions, with the notes; the use cases decide who may see them. */
public interface SessionStore {

    Mono<Session> find(UUID sessionId);

    /** The session, locked for the rest of the current transaction. */
    Mono<Session> lock(UUID sessionId);

    Mono<Void> add(Session session);

    Mono<Void> save(Session session);

    /** Sessions of the therapist that hold calendar time between {@code from} and {@code to}. */
    Flux<Session> occupying(UUID therapistId, Instant from, Instant to);

    /** Sessions in calendar order (start, then id) after {@code after}, as the query narrows them. */
    Flux<Session> list(SessionQuery query, SessionPosition after, int limit);

    /** The client's most recent sessions, latest start first. */
    Flux<Session> recentOf(UUID clientId, int limit);

    /** How many scheduled sessions start from {@code now} on, in a caseload or in the practice (null). */
    Mono<Long> countUpcoming(UUID therapistId, Instant now);

    /**
     * Which sessions to list. {@code therapistId} and {@code clientId} narrow it when set;
     * {@code currentCaseloadOnly} keeps only sessions whose client is now in that therapist's caseload.
     */
    record SessionQuery(UUID therapistId, boolean currentCaseloadOnly, UUID clientId, SessionStatus status,
            Instant from, Instant to) {
    }

    record SessionPosition(Instant startsAt, UUID id) {
    }
}
