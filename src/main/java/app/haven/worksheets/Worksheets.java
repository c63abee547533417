package app.haven.worksheets;

import java.time.Instant;
import java.util.UUID;

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
}
