package app.haven.worksheets.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.worksheets.Worksheets;
import app.haven.worksheets.application.port.out.WorksheetStore;
import app.haven.worksheets.domain.Worksheet;
import reactor.core.publisher.Mono;

@Service
class WorksheetTitles implements Worksheets {

    private final WorksheetStore worksheets;

    WorksheetTitles(WorksheetStore worksheets) {
        this.worksheets = worksheets;
    }

    @Override
    public Mono<String> titleOf(UUID worksheetId) {
        return worksheets.find(worksheetId).map(Worksheet::title);
    }
}
