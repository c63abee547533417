package app.haven.worksheets.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.Caseload;
import app.haven.shared.Caller;
import app.haven.shared.EventOutbox;
import app.haven.shared.Transactions;
import app.haven.worksheets.WorksheetOverdue;
import app.haven.worksheets.WorksheetReviewed;
import app.haven.worksheets.WorksheetSubmitted;
import app.haven.worksheets.application.port.out.WorksheetStore;
import app.haven.worksheets.domain.Worksheet;
import reactor.core.publisher.Mono;

/**
 * The work going back and forth: the client submits (with an optional written response) or takes
 * the submission back before review; the therapist answers with feedback. Each step runs on the
 * locked worksheet, so a late submission and a review cannot cross.
 */
@Service
public class HandInWorksheets {

    private final WorksheetStore worksheets;
    private final Caseload caseload;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final Clock clock;

    HandInWorksheets(WorksheetStore worksheets, Caseload caseload, EventOutbox outbox, Transactions transactions,
            Clock clock) {
        this.worksheets = worksheets;
        this.caseload = caseload;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Worksheet> submit(Caller caller, UUID id, String response) {
        Instant now = clock.instant();
        return transactions.commit(WorksheetAccess.asClient(caller, worksheets.lock(id))
                .map(worksheet -> worksheet.submit(response, now))
                .flatMap(submitted -> worksheets.save(submitted)
                        .then(outbox.stage(new WorksheetSubmitted(submitted.id(), submitted.clientId(),
                                submitted.therapistId(), now)))
                        .thenReturn(submitted)));
    }

    public Mono<Worksheet> unsubmit(Caller caller, UUID id) {
        Instant now = clock.instant();
        return transactions.commit(WorksheetAccess.asClient(caller, worksheets.lock(id))
                .flatMap(worksheet -> {
                    Worksheet back = worksheet.unsubmit(now);
                    Mono<Void> overdue = back.newlyOverdueSince(worksheet)
                            ? outbox.stage(new WorksheetOverdue(back.id(), back.clientId(), back.therapistId(),
                                    back.dueDate()))
                            : Mono.empty();
                    return worksheets.save(back).then(overdue).thenReturn(back);
                }));
    }

    public Mono<Worksheet> review(Caller caller, UUID id, String feedback) {
        Instant now = clock.instant();
        return transactions.commit(WorksheetAccess.asTherapist(caseload, caller, worksheets.lock(id))
                .map(worksheet -> worksheet.review(feedback, now))
                .flatMap(reviewed -> worksheets.save(reviewed)
                        .then(outbox.stage(new WorksheetReviewed(reviewed.id(), reviewed.clientId(),
                                reviewed.therapistId(), now)))
                        .thenReturn(reviewed)));
    }
}
