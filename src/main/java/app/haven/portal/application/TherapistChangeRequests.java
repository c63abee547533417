package app.haven.portal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;

import app.haven.patients.CareAssignments;
import app.haven.patients.Caseload;
import app.haven.portal.TherapistChangeRequested;
import app.haven.portal.application.port.out.ChangeRequestStore;
import app.haven.portal.domain.ChangeRequest;
import app.haven.portal.domain.Notification;
import app.haven.shared.Caller;
import app.haven.shared.EventOutbox;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import app.haven.shared.Transactions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A client asks for another therapist; staff approve or decline. Approving reassigns the client
 * through patients first (which ends the old assignment, so the old therapist loses access, and
 * opens the new therapist's conversation through TherapistAssigned); only then is the request
 * marked approved. Assigning the same therapist again changes nothing, so a retry after a failure
 * in between is safe.
 */
@Service
public class TherapistChangeRequests {

    private static final int LIST_LIMIT = 200;

    private final ChangeRequestStore store;
    private final Caseload caseload;
    private final CareAssignments assignments;
    private final Notify notify;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final Clock clock;

    TherapistChangeRequests(ChangeRequestStore store, Caseload caseload, CareAssignments assignments, Notify notify,
            EventOutbox outbox, Transactions transactions, Clock clock) {
        this.store = store;
        this.caseload = caseload;
        this.assignments = assignments;
        this.notify = notify;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<ChangeRequest> request(Caller caller, String reason, String preferences) {
        PortalAccess.requireClient(caller);
        return caseload.therapistsOf(caller.id()).next().map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(current -> ChangeRequest.open(caller.id(), current.orElse(null), reason, preferences, now()))
                .flatMap(request -> transactions.commit(store.add(request)
                                .then(outbox.stage(new TherapistChangeRequested(request.id(), request.clientId(),
                                        request.currentTherapistId(), request.createdAt()))))
                        .thenReturn(request));
    }

    /** A client sees their own requests; staff see everyone's, narrowed by status when given. */
    public Flux<ChangeRequest> list(Caller caller, ChangeRequest.Status status) {
        if (caller.role() == Role.CLIENT) {
            return store.list(status, caller.id(), LIST_LIMIT);
        }
        PortalAccess.requireStaff(caller);
        return store.list(status, null, LIST_LIMIT);
    }

    public Mono<ChangeRequest> approve(Caller caller, UUID requestId, UUID therapistId, String note) {
        PortalAccess.requireStaff(caller);
        UnaryOperator<ChangeRequest> approval = request -> request.approved(therapistId, caller.id(), note, now());
        return transactions.commit(open(requestId))
                // refuses a request decided before, or the client's current therapist, before anything changes
                .doOnNext(approval::apply)
                .flatMap(request -> assignments.assign(request.clientId(), therapistId))
                .then(decide(requestId, approval));
    }

    public Mono<ChangeRequest> decline(Caller caller, UUID requestId, String note) {
        PortalAccess.requireStaff(caller);
        return decide(requestId, request -> request.declined(caller.id(), note, now()));
    }

    private Mono<ChangeRequest> decide(UUID requestId, UnaryOperator<ChangeRequest> decision) {
        return transactions.commit(open(requestId).map(decision).flatMap(decided -> {
                    Notification notice = Notification.of(decided.clientId(), Notification.Kind.CHANGE_REQUEST_DECIDED,
                            "Your request for another therapist was answered",
                            "The practice answered your request. Open Haven to see the outcome.",
                            decided.id().toString(), Notify.key("change-request", decided.id().toString()), now());
                    return store.save(decided).then(notify.stage(notice)).thenReturn(new Decided(decided, notice));
                }))
                .flatMap(done -> notify.delivered(done.notice()).thenReturn(done.request()));
    }

    private record Decided(ChangeRequest request, Notification notice) {
    }

    private Mono<ChangeRequest> open(UUID requestId) {
        return store.lock(requestId).switchIfEmpty(Mono.error(() -> new NotFoundException("Change request")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
