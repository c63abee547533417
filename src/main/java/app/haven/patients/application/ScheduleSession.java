package app.haven.patients.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.SessionRescheduled;
import app.haven.patients.SessionScheduled;
import app.haven.patients.application.port.out.ClientRecordStore;
import app.haven.patients.application.port.out.SessionStore;
import app.haven.patients.application.port.out.TherapistRoster;
import app.haven.patients.domain.Session;
import app.haven.patients.domain.SessionType;
import app.haven.shared.Caller;
import app.haven.shared.ConflictException;
import app.haven.shared.EventOutbox;
import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/**
 * Puts sessions in the therapist's calendar and moves them. A therapist's calendar is locked
 * while a booking is checked against it, so of two overlapping bookings made at the same moment
 * exactly one succeeds; the other is refused with 409.
 */
@Service
public class ScheduleSession {

    private final ClientRecordStore records;
    private final SessionStore sessions;
    private final TherapistRoster roster;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final Clock clock;

    ScheduleSession(ClientRecordStore records, SessionStore sessions, TherapistRoster roster, EventOutbox outbox,
            Transactions transactions, Clock clock) {
        this.records = records;
        this.sessions = sessions;
        this.roster = roster;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Session> schedule(Caller caller, Booking booking) {
        return Clinicians.visibleRecord(records, caller, booking.clientId()).flatMap(record -> {
            if (record.therapistId() == null) {
                return Mono.error(new ConflictException("The client has no therapist yet; assign one first"));
            }
            Session session = Session.schedule(record.clientId(), record.therapistId(), booking.startsAt(),
                    booking.durationMinutes(), booking.type(), booking.telehealth(), clock.instant());
            return transactions.commit(roster.lockCalendar(session.therapistId())
                    .then(requireFree(session))
                    .then(sessions.add(session))
                    .then(outbox.stage(new SessionScheduled(session.id(), session.clientId(), session.therapistId(),
                            session.startsAt(), session.durationMinutes(), session.type().name(),
                            session.telehealth())))
                    .thenReturn(session));
        });
    }

    /**
     * Moves a scheduled session, changes its length, or writes its notes, all in one transaction:
     * a request that may not do one of them does none of them.
     */
    public Mono<Session> amend(Caller caller, UUID sessionId, Amendment amendment) {
        return SessionAccess.of(caller, sessions.find(sessionId), records)
                .map(access -> {
                    if (amendment.moves()) {
                        access.requireManager();
                    }
                    if (amendment.notes() != null) {
                        access.requireNotesAccess();
                    }
                    return access;
                })
                .flatMap(access -> transactions.commit(
                        (amendment.moves() ? roster.lockCalendar(access.session().therapistId()) : Mono.<Void>empty())
                                .then(sessions.lock(sessionId))
                                .flatMap(current -> amendment.moves() ? move(current, amendment) : Mono.just(current))
                                .map(current -> amendment.notes() == null ? current
                                        : current.withNotes(amendment.notes(), clock.instant()))
                                .flatMap(amended -> sessions.save(amended).thenReturn(amended))));
    }

    private Mono<Session> move(Session current, Amendment amendment) {
        Session moved = current.reschedule(amendment.startsAt(), amendment.durationMinutes(), clock.instant());
        return requireFree(moved)
                .then(outbox.stage(new SessionRescheduled(moved.id(), moved.clientId(), moved.therapistId(),
                        moved.startsAt(), moved.durationMinutes())))
                .thenReturn(moved);
    }

    private Mono<Void> requireFree(Session session) {
        return sessions.occupying(session.therapistId(), session.startsAt(), session.endsAt())
                .filter(other -> !other.id().equals(session.id()) && other.overlaps(session))
                .hasElements()
                .flatMap(taken -> taken
                        ? Mono.error(new ConflictException("The therapist has another session at that time"))
                        : Mono.empty());
    }

    /** What a PATCH of a session changes; {@code null} leaves that part as it is. */
    public record Amendment(Instant startsAt, Integer durationMinutes, String notes) {

        boolean moves() {
            return startsAt != null || durationMinutes != null;
        }
    }

    /** A session to put in the calendar of the client's therapist. */
    public record Booking(UUID clientId, Instant startsAt, int durationMinutes, SessionType type, boolean telehealth) {
        public Booking {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(type, "type");
        }
    }
}
