package app.haven.patients.application;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import app.haven.patients.SessionCancelled;
import app.haven.patients.SessionCompleted;
import app.haven.patients.SessionMissed;
import app.haven.patients.application.port.out.ClientRecordStore;
import app.haven.patients.application.port.out.SessionStore;
import app.haven.patients.domain.ServiceCode;
import app.haven.patients.domain.Session;
import app.haven.shared.Caller;
import app.haven.shared.EventOutbox;
import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/**
 * How a session ended (completed with notes, cancelled, missed) and the therapist's notes. Each
 * change is made on the locked session, so two people ending the same session cannot both win.
 */
@Service
public class RecordSessionOutcome {

    private final ClientRecordStore records;
    private final SessionStore sessions;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final Clock clock;

    RecordSessionOutcome(ClientRecordStore records, SessionStore sessions, EventOutbox outbox,
            Transactions transactions, Clock clock) {
        this.records = records;
        this.sessions = sessions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The therapist who held the session completes it; the client's progress moves on by one. */
    public Mono<Session> complete(Caller caller, UUID sessionId, String notes, ServiceCode serviceCode) {
        return change(caller, sessionId, SessionAccess::requireNotesAccess, session -> {
            Session completed = session.complete(notes, serviceCode, clock.instant());
            return sessions.save(completed)
                    .then(records.lock(completed.clientId()))
                    .flatMap(record -> records.save(record.sessionCompleted(clock.instant())))
                    .then(outbox.stage(new SessionCompleted(completed.id(), completed.clientId(),
                            completed.therapistId(), completed.serviceCode().code(), completed.durationMinutes(),
                            completed.telehealth(), completed.startsAt(), completed.updatedAt())))
                    .thenReturn(completed);
        });
    }

    /** The client, their therapist or staff call a session off; less than a day ahead it is late. */
    public Mono<Session> cancel(Caller caller, UUID sessionId, String reason) {
        return change(caller, sessionId, Function.identity(), session -> {
            Session cancelled = session.cancel(reason, clock.instant());
            return sessions.save(cancelled)
                    .then(outbox.stage(new SessionCancelled(cancelled.id(), cancelled.clientId(),
                            cancelled.therapistId(), cancelled.startsAt(), cancelled.cancelledLate(),
                            cancelled.updatedAt())))
                    .thenReturn(cancelled);
        });
    }

    public Mono<Session> noShow(Caller caller, UUID sessionId) {
        return change(caller, sessionId, SessionAccess::requireManager, session -> {
            Session missed = session.missed(clock.instant());
            return sessions.save(missed)
                    .then(outbox.stage(new SessionMissed(missed.id(), missed.clientId(), missed.therapistId(),
                            missed.startsAt(), missed.updatedAt())))
                    .thenReturn(missed);
        });
    }

    private Mono<Session> change(Caller caller, UUID sessionId, Function<SessionAccess, SessionAccess> permission,
            Function<Session, Mono<Session>> work) {
        return transactions.commit(SessionAccess.of(caller, sessions.lock(sessionId), records)
                .map(permission)
                .flatMap(access -> work.apply(access.session())));
    }
}
