package app.haven.worksheets.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.worksheets.Worksheets;
import app.haven.worksheets.application.port.out.WorksheetStore;
import reactor.core.publisher.Mono;

/** Worksheets as the therapy conversation announces them. */
@Service
class WorksheetNotices implements Worksheets {

    private final WorksheetStore worksheets;

    WorksheetNotices(WorksheetStore worksheets) {
        this.worksheets = worksheets;
    }

    @Override
    public Mono<Notice> noticeOf(UUID worksheetId) {
        return worksheets.find(worksheetId).flatMap(worksheet -> worksheet.seriesId() == null
                ? Mono.just(new Notice(worksheet.title(), worksheet.dueDate(), 1, true))
                : worksheets.series(worksheet.seriesId()).collectList().map(series -> new Notice(worksheet.title(),
                        worksheet.dueDate(), series.size(), series.get(0).id().equals(worksheet.id()))));
    }
}
