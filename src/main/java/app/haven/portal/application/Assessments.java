package app.haven.portal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.Caseload;
import app.haven.portal.AssessmentCompleted;
import app.haven.portal.application.port.out.AssessmentStore;
import app.haven.portal.domain.Assessment;
import app.haven.portal.domain.Instrument;
import app.haven.portal.domain.Notification;
import app.haven.shared.AccessAudit;
import app.haven.shared.Caller;
import app.haven.shared.EventOutbox;
import app.haven.shared.ForbiddenException;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import app.haven.shared.Transactions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * PHQ-9 and GAD-7: the client's assigned therapist assigns them, the client answers, Haven scores
 * them. An answer above 0 on PHQ-9 item 9 alerts the therapist at once, in the same transaction as
 * the answer, whatever the therapist's quiet hours. Therapists' reads of scores are audited.
 */
@Service
public class Assessments {

    private static final int HISTORY_LIMIT = 200;

    private final AssessmentStore store;
    private final Caseload caseload;
    private final Notify notify;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final AccessAudit audit;
    private final PortalProperties properties;
    private final Clock clock;

    Assessments(AssessmentStore store, Caseload caseload, Notify notify, EventOutbox outbox, Transactions transactions,
            AccessAudit audit, PortalProperties properties, Clock clock) {
        this.store = store;
        this.caseload = caseload;
        this.notify = notify;
        this.outbox = outbox;
        this.transactions = transactions;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Assessment> assign(Caller caller, UUID clientId, Instrument instrument, LocalDate dueDate,
            Integer recurrenceWeeks) {
        return requireTherapistOf(caller, clientId).then(Mono.defer(() -> {
            Assessment assessment = Assessment.assign(clientId, caller.id(), instrument, dueDate, recurrenceWeeks,
                    now(), properties.zone());
            Notification notice = Notification.of(clientId, Notification.Kind.ASSESSMENT_ASSIGNED,
                    "A new questionnaire", "Your therapist asked you to fill in a short questionnaire.",
                    assessment.id().toString(), Notify.key("assessment", assessment.id().toString()), now());
            return transactions.commit(store.add(assessment).then(notify.stage(notice)))
                    .then(notify.delivered(notice))
                    .thenReturn(assessment);
        }));
    }

    public Flux<Assessment> mine(Caller caller) {
        PortalAccess.requireClient(caller);
        return store.ofClient(caller.id(), HISTORY_LIMIT);
    }

    /** The client's score history for their therapist; every read is in the access audit. */
    public Flux<Assessment> history(Caller caller, UUID clientId) {
        return requireTherapistOf(caller, clientId)
                .then(audit.recordRead(caller, clientId, AccessAudit.AuditedResource.ASSESSMENT, clientId.toString()))
                .thenMany(store.ofClient(clientId, HISTORY_LIMIT));
    }

    public Mono<Assessment> respond(Caller caller, UUID assessmentId, List<Integer> answers) {
        PortalAccess.requireClient(caller);
        Instant now = now();
        return transactions.commit(store.lock(assessmentId)
                        .filter(assessment -> assessment.clientId().equals(caller.id()))
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("Assessment")))
                        .map(assessment -> assessment.answered(answers, now))
                        .flatMap(answered -> {
                            Optional<Notification> alert = answered.safetyFlag()
                                    ? Optional.of(safetyAlert(answered, now)) : Optional.empty();
                            return store.save(answered)
                                    .then(answered.recurs() ? store.add(answered.next(now, properties.zone()))
                                            : Mono.empty())
                                    .then(outbox.stage(new AssessmentCompleted(answered.id(), answered.clientId(),
                                            answered.therapistId(), answered.instrument().name(), answered.score(),
                                            answered.severity().name(), answered.safetyFlag(), answered.completedAt())))
                                    .then(alert.map(notify::stage).orElse(Mono.empty()))
                                    .thenReturn(new Answered(answered, alert));
                        }))
                .flatMap(done -> done.alert().map(notify::delivered).orElse(Mono.empty()).thenReturn(done.assessment()));
    }

    private static Notification safetyAlert(Assessment answered, Instant now) {
        return Notification.of(answered.therapistId(), Notification.Kind.SAFETY_ALERT,
                "Safety alert: a client needs your attention",
                "A client's questionnaire answer needs your attention today. Open Haven to see whose.",
                answered.clientId().toString(), Notify.key("safety", answered.id().toString()), now);
    }

    private record Answered(Assessment assessment, Optional<Notification> alert) {
    }

    /** A therapist who is not the client's gets 404, as if there were no such client. */
    private Mono<Void> requireTherapistOf(Caller caller, UUID clientId) {
        if (caller.role() != Role.THERAPIST) {
            return Mono.error(new ForbiddenException("Only the client's therapist may do this"));
        }
        return caseload.isAssigned(caller.id(), clientId).filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Client"))).then();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
