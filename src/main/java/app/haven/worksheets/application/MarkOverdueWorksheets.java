package app.haven.worksheets.application;

import java.time.Instant;

import org.springframework.stereotype.Service;

import app.haven.shared.EventOutbox;
import app.haven.shared.Transactions;
import app.haven.worksheets.WorksheetOverdue;
import app.haven.worksheets.application.port.out.WorksheetStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns worksheets whose due date passed unsubmitted PAST_DUE and announces each once. Every
 * worksheet is rechecked on its lock, so two instances sweeping at once announce it once.
 */
@Service
public class MarkOverdueWorksheets {

    private static final int BATCH = 200;

    private final WorksheetStore worksheets;
    private final EventOutbox outbox;
    private final Transactions transactions;

    MarkOverdueWorksheets(WorksheetStore worksheets, EventOutbox outbox, Transactions transactions) {
        this.worksheets = worksheets;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** Answers how many worksheets turned past due. */
    public Mono<Long> sweep(Instant now) {
        return worksheets.overdueCandidates(now, BATCH).collectList()
                .flatMap(ids -> Flux.fromIterable(ids).concatMap(id -> markOverdue(id, now)).reduce(0L, Long::sum)
                        // a full batch means there may be more
                        .flatMap(turned -> ids.size() < BATCH ? Mono.just(turned)
                                : sweep(now).map(more -> turned + more)));
    }

    private Mono<Long> markOverdue(java.util.UUID id, Instant now) {
        return transactions.commit(worksheets.lock(id)
                .flatMap(worksheet -> {
                    var overdue = worksheet.pastDue(now);
                    if (overdue == worksheet) {
                        return Mono.just(0L);
                    }
                    // announced once: a worksheet past due again after its due date moved is not news twice
                    Mono<Void> announce = overdue.newlyOverdueSince(worksheet)
                            ? outbox.stage(new WorksheetOverdue(overdue.id(), overdue.clientId(),
                                    overdue.therapistId(), overdue.dueDate()))
                            : Mono.empty();
                    return worksheets.save(overdue).then(announce).thenReturn(1L);
                })
                .defaultIfEmpty(0L));
    }
}
