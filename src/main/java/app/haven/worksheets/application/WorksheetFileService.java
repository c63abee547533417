package app.haven.worksheets.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;

import app.haven.files.FileContent;
import app.haven.files.StoredFile;
import app.haven.files.StoredFiles;
import app.haven.patients.Caseload;
import app.haven.shared.AccessAudit;
import app.haven.shared.AccessAudit.AuditedResource;
import app.haven.shared.Caller;
import app.haven.shared.NotFoundException;
import app.haven.shared.Transactions;
import app.haven.worksheets.application.port.out.WorksheetFileStore;
import app.haven.worksheets.application.port.out.WorksheetStore;
import app.haven.worksheets.domain.Worksheet;
import app.haven.worksheets.domain.WorksheetFile;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Files on worksheets: the therapist's materials and the client's submissions. The files module
 * decides what is accepted (type from the bytes, size while streaming); this decides who may add,
 * remove and read which. Bytes are released once no worksheet refers to them.
 */
@Service
public class WorksheetFileService {

    private final WorksheetStore worksheets;
    private final WorksheetFileStore files;
    private final StoredFiles storedFiles;
    private final Caseload caseload;
    private final AccessAudit audit;
    private final Transactions transactions;
    private final Clock clock;

    WorksheetFileService(WorksheetStore worksheets, WorksheetFileStore files, StoredFiles storedFiles,
            Caseload caseload, AccessAudit audit, Transactions transactions, Clock clock) {
        this.worksheets = worksheets;
        this.files = files;
        this.storedFiles = storedFiles;
        this.caseload = caseload;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The assigned therapist adds a material; nothing is read from the request before access is settled. */
    public Mono<WorksheetFile> addMaterial(Caller caller, UUID worksheetId, String declaredName,
            Flux<DataBuffer> bytes) {
        return WorksheetAccess.asTherapist(caseload, caller, worksheets.find(worksheetId))
                .flatMap(worksheet -> keep(caller, worksheet, WorksheetFile.Kind.MATERIAL, declaredName, bytes));
    }

    /** The client adds a file to their work, until the therapist has reviewed it. */
    public Mono<WorksheetFile> addSubmission(Caller caller, UUID worksheetId, String declaredName,
            Flux<DataBuffer> bytes) {
        return WorksheetAccess.asClient(caller, worksheets.find(worksheetId))
                .doOnNext(Worksheet::requireSubmissionsOpen)
                .flatMap(worksheet -> keep(caller, worksheet, WorksheetFile.Kind.SUBMISSION, declaredName, bytes));
    }

    public Mono<Void> removeSubmission(Caller caller, UUID worksheetId, UUID fileId) {
        return transactions.commit(WorksheetAccess.asClient(caller, worksheets.lock(worksheetId))
                        .doOnNext(Worksheet::requireSubmissionsOpen)
                        .flatMap(worksheet -> files.find(worksheetId, fileId))
                        .filter(file -> file.kind() == WorksheetFile.Kind.SUBMISSION)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("File")))
                        .flatMap(file -> files.remove(worksheetId, fileId)))
                .then(releaseIfUnreferenced(fileId));
    }

    /** The bytes of a material or submission, for the client and their therapist; every read is audited. */
    public Mono<FileContent> download(Caller caller, UUID worksheetId, UUID fileId) {
        return WorksheetAccess.asClientOrTherapist(caseload, caller, worksheets.find(worksheetId))
                .flatMap(worksheet -> files.find(worksheetId, fileId)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("File")))
                        .flatMap(file -> audit.recordRead(caller, worksheet.clientId(), AuditedResource.WORKSHEET_FILE,
                                fileId.toString())))
                .then(Mono.defer(() -> storedFiles.open(fileId)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("File")));
    }

    Mono<Void> releaseIfUnreferenced(UUID fileId) {
        return files.isReferenced(fileId).flatMap(referenced -> referenced ? Mono.empty() : storedFiles.release(fileId));
    }

    private Mono<WorksheetFile> keep(Caller caller, Worksheet worksheet, WorksheetFile.Kind kind, String declaredName,
            Flux<DataBuffer> bytes) {
        return storedFiles.store(bytes, declaredName, caller.id())
                .flatMap(stored -> record(worksheet, kind, stored)
                        // the worksheet went away meanwhile: the file must not outlive the failure
                        .onErrorResume(failure -> storedFiles.release(stored.id()).then(Mono.error(failure))));
    }

    private Mono<WorksheetFile> record(Worksheet worksheet, WorksheetFile.Kind kind, StoredFile stored) {
        WorksheetFile file = new WorksheetFile(worksheet.id(), stored.id(), kind, stored.name(), stored.contentType(),
                stored.size(), stored.ownerId(), clock.instant());
        return transactions.commit(worksheets.lock(worksheet.id())
                .switchIfEmpty(Mono.error(WorksheetAccess::notFound))
                .flatMap(current -> {
                    if (kind == WorksheetFile.Kind.SUBMISSION) {
                        current.requireSubmissionsOpen();
                    }
                    return files.add(file);
                })
                .thenReturn(file));
    }
}
