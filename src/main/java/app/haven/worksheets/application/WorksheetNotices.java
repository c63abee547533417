package app.haven.worksheets.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.worksheets.Worksheets;
import app.haven.worksheets.application.port.out.WorksheetStore;
import app.haven.worksheets.domain.Worksheet;
import app.haven.worksheets.domain.WorksheetStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Worksheets as other modules see them: the conversation's announcements, the portal's lists. */
@Service
class WorksheetNotices implements Worksheets {

    private final WorksheetStore worksheets;
    private final Clock clock;

    WorksheetNotices(WorksheetStore worksheets, Clock clock) {
        this.worksheets = worksheets;
        this.clock = clock;
    }

    @Override
    public Flux<OpenWorksheet> openFor(UUID clientId, int limit) {
        Instant now = clock.instant();
        return Flux.concat(open(clientId, WorksheetStatus.PAST_DUE, now, limit),
                        open(clientId, WorksheetStatus.ASSIGNED, now, limit))
                .take(limit)
                .map(worksheet -> open(worksheet, now));
    }

    private Flux<Worksheet> open(UUID clientId, WorksheetStatus status, Instant now, int limit) {
        return worksheets.list(List.of(clientId), new WorksheetStore.Filter(status, null, null), now, null, limit);
    }

    @Override
    public Flux<OpenWorksheet> dueBetween(Instant from, Instant to, int limit) {
        Instant now = clock.instant();
        return worksheets.assignedDueBetween(from, to, limit).map(worksheet -> open(worksheet, now));
    }

    private static OpenWorksheet open(Worksheet worksheet, Instant now) {
        return new OpenWorksheet(worksheet.id(), worksheet.clientId(), worksheet.therapistId(), worksheet.title(),
                worksheet.dueDate(), worksheet.statusAt(now) == WorksheetStatus.PAST_DUE);
    }

    @Override
    public Mono<Notice> noticeOf(UUID worksheetId) {
        return worksheets.find(worksheetId).flatMap(worksheet -> worksheet.seriesId() == null
                ? Mono.just(new Notice(worksheet.title(), worksheet.dueDate(), 1, true))
                : worksheets.series(worksheet.seriesId()).collectList().map(series -> new Notice(worksheet.title(),
                        worksheet.dueDate(), series.size(), series.get(0).id().equals(worksheet.id()))));
    }
}
