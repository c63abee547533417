package app.haven.patients.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.application.port.out.ClientRecordStore;
import app.haven.patients.application.port.out.SessionStore;
import app.haven.patients.application.port.out.SessionStore.SessionPosition;
import app.haven.patients.application.port.out.SessionStore.SessionQuery;
import app.haven.patients.domain.Session;
import app.haven.patients.domain.SessionStatus;
import app.haven.shared.AccessAudit;
import app.haven.shared.AccessAudit.AuditedResource;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.InvalidInputException;
import app.haven.shared.KeysetCursor;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/**
 * Reading sessions: a therapist's calendar (sessions with the clients now in their caseload), a
 * client's own sessions, the practice's for staff. Lists never carry notes; one session carries
 * them only for the therapist who may read them, and that read is audited.
 */
@Service
public class SessionCalendar {

    private final ClientRecordStore records;
    private final SessionStore sessions;
    private final AccessAudit audit;

    SessionCalendar(ClientRecordStore records, SessionStore sessions, AccessAudit audit) {
        this.records = records;
        this.sessions = sessions;
        this.audit = audit;
    }

    public Mono<CursorPage<Session>> list(Caller caller, Query query) {
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            return Mono.error(new InvalidInputException("from", "from is after to"));
        }
        SessionQuery scope = switch (caller.role()) {
            case THERAPIST -> new SessionQuery(caller.id(), true, query.clientId(), query.status(), query.from(),
                    query.to());
            case CLIENT -> new SessionQuery(null, false, caller.id(), query.status(), query.from(), query.to());
            case STAFF, ADMIN -> new SessionQuery(null, false, query.clientId(), query.status(), query.from(),
                    query.to());
        };
        if (caller.role() == Role.CLIENT && query.clientId() != null
                && !query.clientId().equals(caller.id())) {
            return Mono.just(CursorPage.last(List.of()));
        }
        SessionPosition after = KeysetCursor.decode(query.cursor(), SessionPosition::new);
        return sessions.list(scope, after, query.limit() + 1).collectList().map(found -> {
            List<Session> shown = found.subList(0, Math.min(query.limit(), found.size()));
            String next = null;
            if (found.size() > query.limit()) {
                Session last = shown.get(shown.size() - 1);
                next = KeysetCursor.encode(last.startsAt(), last.id());
            }
            return new CursorPage<>(shown.stream().map(SessionCalendar::withoutNotes).toList(), next);
        });
    }

    /** One session; with its notes only for the therapist who may read them (and then audited). */
    public Mono<Session> get(Caller caller, UUID sessionId) {
        return SessionAccess.of(caller, sessions.find(sessionId), records).flatMap(access -> access.canReadNotes()
                ? audit.recordRead(caller, access.session().clientId(), AuditedResource.SESSION_NOTES, sessionId.toString())
                        .thenReturn(access.session())
                : Mono.just(withoutNotes(access.session())));
    }

    static Session withoutNotes(Session session) {
        return session.notes() == null ? session : session.withNotes(null, session.updatedAt());
    }

    /** What the calendar can be narrowed to; null means "any". */
    public record Query(Instant from, Instant to, UUID clientId, SessionStatus status, String cursor, int limit) {
    }
}
