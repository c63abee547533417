package app.haven.worksheets.application.port.out;

import java.util.UUID;

import app.haven.worksheets.domain.WorksheetFile;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Which stored files belong to which worksheet, as material or submission. */
public interface WorksheetFileStore {

    Mono<Void> add(WorksheetFile file);

    Flux<WorksheetFile> of(UUID worksheetId);

    Mono<WorksheetFile> find(UUID worksheetId, UUID fileId);

    Mono<Void> remove(UUID worksheetId, UUID fileId);

    /** Whether any worksheet still refers to the stored file. */
    Mono<Boolean> isReferenced(UUID fileId);
}
