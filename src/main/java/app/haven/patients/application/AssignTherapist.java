package app.haven.patients.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import app.haven.identity.AccountSummary;
import app.haven.identity.Accounts;
import app.haven.patients.SessionCancelled;
import app.haven.patients.TherapistAssigned;
import app.haven.patients.TherapistUnassigned;
import app.haven.patients.application.port.out.Assignments;
import app.haven.patients.application.port.out.ClientRecordStore;
import app.haven.patients.CareAssignments;
import app.haven.patients.application.port.out.SessionStore;
import app.haven.patients.application.port.out.SessionStore.SessionQuery;
import app.haven.patients.application.port.out.TherapistRoster;
import app.haven.patients.domain.Assignment;
import app.haven.patients.domain.ClientRecord;
import app.haven.patients.domain.EndReason;
import app.haven.patients.domain.SessionStatus;
import app.haven.shared.EventOutbox;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/**
 * Staff make a therapist responsible for a client. The previous active assignment ends in the
 * same transaction, the previous therapist's upcoming sessions with the client are withdrawn,
 * the client's record follows the new therapist, and all of it reaches other
 * modules only if it commits. The client's record and the therapist's roster entry are created
 * here if the registration event has not arrived yet.
 */
@Service
public class AssignTherapist implements CareAssignments {

    /** More upcoming sessions than a year of weekly ones is not a calendar anyone keeps. */
    private static final int UPCOMING_LIMIT = 1_000;

    private final Accounts accounts;
    private final Assignments assignments;
    private final ClientRecordStore records;
    private final TherapistRoster roster;
    private final SessionStore sessions;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final Clock clock;

    AssignTherapist(Accounts accounts, Assignments assignments, ClientRecordStore records, TherapistRoster roster,
            SessionStore sessions, EventOutbox outbox, Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.assignments = assignments;
        this.records = records;
        this.roster = roster;
        this.sessions = sessions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Assignment> assign(Command command) {
        return requireRoles(command).then(Mono.defer(() -> {
            Instant now = clock.instant();
            return transactions.commit(roster.addIfAbsent(command.therapistId(), now)
                    .then(records.addIfAbsent(ClientRecord.open(command.clientId(), now)))
                    .then(records.lock(command.clientId()))
                    .flatMap(record -> assignments.lockActiveOf(command.clientId())
                            .flatMap(previous -> previous.isWith(command.therapistId())
                                    ? Mono.just(previous)
                                    : endThenStart(previous, record, command, now))
                            .switchIfEmpty(Mono.defer(() -> start(record, command, now)))));
        }));
    }

    @Override
    public Mono<Void> assign(UUID clientId, UUID therapistId) {
        return assign(new Command(clientId, therapistId)).then();
    }

    /** The client must be a client's account and the therapist a therapist's; unknown clients are not found. */
    private Mono<Void> requireRoles(Command command) {
        return accounts.findAll(List.of(command.clientId(), command.therapistId()))
                .collectMap(AccountSummary::id, Function.identity())
                .flatMap(found -> {
                    if (!hasRole(found, command.clientId(), Role.CLIENT)) {
                        return Mono.error(new NotFoundException("Client"));
                    }
                    if (!hasRole(found, command.therapistId(), Role.THERAPIST)) {
                        return Mono.error(new InvalidInputException("therapistId", "This person is not a therapist"));
                    }
                    return Mono.empty();
                });
    }

    private static boolean hasRole(Map<UUID, AccountSummary> found, UUID id, Role role) {
        AccountSummary account = found.get(id);
        return account != null && account.role() == role;
    }

    private Mono<Assignment> endThenStart(Assignment previous, ClientRecord record, Command command, Instant now) {
        Assignment ended = previous.end(now, EndReason.REASSIGNED);
        return assignments.ended(ended)
                .then(outbox.stage(new TherapistUnassigned(ended.id(), ended.clientId(), ended.therapistId(),
                        ended.endedAt(), ended.endReason().name())))
                .then(withdrawUpcomingSessions(ended, now))
                .then(start(record, command, now));
    }

    /** The previous therapist's upcoming sessions with the client are called off, without a late fee. */
    private Mono<Void> withdrawUpcomingSessions(Assignment ended, Instant now) {
        return sessions.list(new SessionQuery(ended.therapistId(), false, ended.clientId(), SessionStatus.SCHEDULED,
                        now, null), null, UPCOMING_LIMIT)
                .map(session -> session.withdrawnOnReassignment(now))
                .concatMap(withdrawn -> sessions.save(withdrawn)
                        .then(outbox.stage(new SessionCancelled(withdrawn.id(), withdrawn.clientId(),
                                withdrawn.therapistId(), withdrawn.startsAt(), false, now))))
                .then();
    }

    private Mono<Assignment> start(ClientRecord record, Command command, Instant now) {
        Assignment assignment = Assignment.start(command.clientId(), command.therapistId(), now);
        return assignments.add(assignment)
                .then(records.save(record.assignedTo(command.therapistId(), now)))
                .then(outbox.stage(new TherapistAssigned(assignment.id(), assignment.clientId(),
                        assignment.therapistId(), assignment.assignedAt())))
                .thenReturn(assignment);
    }

    /** Make {@code therapistId} the therapist of {@code clientId}. */
    public record Command(UUID clientId, UUID therapistId) {
        public Command {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(therapistId, "therapistId");
        }
    }
}
