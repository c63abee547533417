package app.haven.patients.application;

import java.util.UUID;

import app.haven.patients.application.port.out.ClientRecordStore;
import app.haven.patients.domain.ClientRecord;
import app.haven.patients.domain.Session;
import app.haven.shared.Caller;
import app.haven.shared.ForbiddenException;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/**
 * Who may do what with a session. The client sees their own; the client's current therapist and
 * the practice's staff see and manage it; only the current therapist who held the session reads
 * or writes its notes. Anyone else is told it does not exist.
 */
record SessionAccess(Caller caller, Session session, ClientRecord record) {

    static Mono<SessionAccess> of(Caller caller, Mono<Session> session, ClientRecordStore records) {
        return session.flatMap(found -> records.find(found.clientId())
                        .map(record -> new SessionAccess(caller, found, record)))
                .filter(SessionAccess::canSee)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Session")));
    }

    boolean canSee() {
        return switch (caller.role()) {
            case CLIENT -> session.clientId().equals(caller.id());
            case THERAPIST -> record.isInCaseloadOf(caller.id());
            case STAFF, ADMIN -> true;
        };
    }

    boolean canReadNotes() {
        return caller.role() == Role.THERAPIST && record.isInCaseloadOf(caller.id())
                && session.therapistId().equals(caller.id());
    }

    SessionAccess requireNotesAccess() {
        if (!canReadNotes()) {
            throw new ForbiddenException("Only the client's therapist who held the session writes its notes");
        }
        return this;
    }

    /** Moving or marking a session missed: the client's therapist or staff. */
    SessionAccess requireManager() {
        if (caller.role() == Role.CLIENT) {
            throw new ForbiddenException("Clients cancel their sessions; the practice moves them");
        }
        return this;
    }

    UUID sessionId() {
        return session.id();
    }
}
