package app.haven.worksheets;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What other modules may ask about a worksheet. */
public interface Worksheets {

    /**
     * What the therapy conversation says about a new worksheet; empty when it is gone. A weekly
     * series is announced once, by its first worksheet.
     */
    Mono<Notice> noticeOf(UUID worksheetId);

    /**
     * @param weeks how many weeks its series runs, 1 for a single worksheet
     * @param firstOfSeries whether it is the one that announces its series
     */
    record Notice(String title, Instant dueDate, int weeks, boolean firstOfSeries) {
    }

    /** The client's worksheets still waiting for their work: past due ones first, then by due date. */
    Flux<OpenWorksheet> openFor(UUID clientId, int limit);

    /** Assigned worksheets of every client due from {@code from} up to, not including, {@code to}. */
    Flux<OpenWorksheet> dueBetween(Instant from, Instant to, int limit);

    /** @param pastDue whether its due date has passed */
    record OpenWorksheet(UUID id, UUID clientId, UUID therapistId, String title, Instant dueDate, boolean pastDue) {
    }
}
