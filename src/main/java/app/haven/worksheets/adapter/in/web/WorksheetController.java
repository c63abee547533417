package app.haven.worksheets.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.files.FileDownloads;
import app.haven.files.FileUploads;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.InvalidInputException;
import app.haven.worksheets.application.AssignWorksheets;
import app.haven.worksheets.application.HandInWorksheets;
import app.haven.worksheets.application.ReadWorksheets;
import app.haven.worksheets.application.ReadWorksheets.WorksheetView;
import app.haven.worksheets.application.WorksheetFileService;
import app.haven.worksheets.domain.Recurrence;
import app.haven.worksheets.domain.Worksheet;
import app.haven.worksheets.domain.WorksheetFile;
import app.haven.worksheets.domain.WorksheetStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Worksheets over HTTP. Bodies name only what each route may set: the client comes from the
 * path or the assignment body, the therapist and every status from the token and the route.
 */
@RestController
@Validated
@RequestMapping("/api/v1/worksheets")
class WorksheetController {

    private static final int MAX_LIMIT = 100;
    private static final String NOT_BLANK = "(?s).*\\S.*";

    private final AssignWorksheets assign;
    private final HandInWorksheets handIn;
    private final ReadWorksheets read;
    private final WorksheetFileService files;

    WorksheetController(AssignWorksheets assign, HandInWorksheets handIn, ReadWorksheets read,
            WorksheetFileService files) {
        this.assign = assign;
        this.handIn = handIn;
        this.read = read;
        this.files = files;
    }

    /** Whether a change or removal applies to this worksheet only or to the rest of its series too. */
    enum Scope { ONE, SERIES }

    @GetMapping
    Mono<CursorPage<WorksheetResponse>> list(Caller caller, @RequestParam(required = false) WorksheetStatus status,
            @RequestParam(required = false) UUID clientId, @RequestParam(required = false) Instant dueBefore,
            @RequestParam(required = false) Instant dueAfter, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) int limit) {
        return read.list(caller, new ReadWorksheets.Query(status, clientId, dueBefore, dueAfter, cursor,
                        Math.min(limit, MAX_LIMIT)))
                .map(page -> new CursorPage<>(page.items().stream().map(WorksheetResponse::summary).toList(),
                        page.nextCursor()));
    }

    @GetMapping("/{id}")
    Mono<WorksheetResponse> get(Caller caller, @PathVariable UUID id) {
        return read.get(caller, id).map(WorksheetResponse::of);
    }

    /** 201 with the worksheet, or with the first of a weekly series (the rest are listed under the same seriesId). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WorksheetResponse> create(Caller caller, @Valid @RequestBody AssignRequest request) {
        Recurrence recurrence = request.recurrence() == null ? null : new Recurrence(request.recurrence().weeks());
        return assign.assign(caller, new AssignWorksheets.Assignment(request.clientId(),
                        new Worksheet.Content(request.title().strip(), request.instructions(), request.description()),
                        request.dueDate(), recurrence))
                .flatMap(created -> read.get(caller, created.get(0).id()))
                .map(WorksheetResponse::of);
    }

    @PatchMapping("/{id}")
    Mono<WorksheetResponse> change(Caller caller, @PathVariable UUID id,
            @RequestParam(defaultValue = "ONE") Scope scope, @Valid @RequestBody ChangeRequest request) {
        if (request.title() == null && request.instructions() == null && request.description() == null
                && request.dueDate() == null) {
            return Mono.error(new InvalidInputException("Nothing to change: give title, instructions, description or dueDate"));
        }
        return assign.change(caller, id, new AssignWorksheets.Changes(
                        request.title() == null ? null : request.title().strip(), request.instructions(),
                        request.description(), request.dueDate()), scope == Scope.SERIES)
                .then(read.get(caller, id))
                .map(WorksheetResponse::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "ONE") Scope scope) {
        return assign.delete(caller, id, scope == Scope.SERIES);
    }

    @PostMapping(path = "/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<FileResponse> addMaterial(Caller caller, @PathVariable UUID id, @RequestBody Flux<PartEvent> parts) {
        return FileUploads.withFile(parts, upload -> files.addMaterial(caller, id, upload.declaredName(), upload.bytes()))
                .map(FileResponse::of);
    }

    @PostMapping(path = "/{id}/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<FileResponse> addSubmission(Caller caller, @PathVariable UUID id, @RequestBody Flux<PartEvent> parts) {
        return FileUploads.withFile(parts, upload -> files.addSubmission(caller, id, upload.declaredName(), upload.bytes()))
                .map(FileResponse::of);
    }

    @DeleteMapping("/{id}/submissions/{fileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> removeSubmission(Caller caller, @PathVariable UUID id, @PathVariable UUID fileId) {
        return files.removeSubmission(caller, id, fileId);
    }

    @GetMapping("/{id}/files/{fileId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(Caller caller, @PathVariable UUID id, @PathVariable UUID fileId) {
        return files.download(caller, id, fileId).map(FileDownloads::response);
    }

    @PostMapping("/{id}/submit")
    Mono<WorksheetResponse> submit(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody(required = false) SubmitRequest request) {
        return handIn.submit(caller, id, request == null ? null : request.response())
                .then(read.get(caller, id))
                .map(WorksheetResponse::of);
    }

    @PostMapping("/{id}/unsubmit")
    Mono<WorksheetResponse> unsubmit(Caller caller, @PathVariable UUID id) {
        return handIn.unsubmit(caller, id).then(read.get(caller, id)).map(WorksheetResponse::of);
    }

    @PostMapping("/{id}/feedback")
    Mono<WorksheetResponse> feedback(Caller caller, @PathVariable UUID id, @Valid @RequestBody FeedbackRequest request) {
        return handIn.review(caller, id, request.feedback()).then(read.get(caller, id)).map(WorksheetResponse::of);
    }

    record AssignRequest(@NotNull UUID clientId, @NotBlank @Size(max = Worksheet.MAX_TITLE) String title,
            @NotBlank @Size(max = Worksheet.MAX_TEXT) String instructions,
            @Size(max = Worksheet.MAX_TEXT) String description, @NotNull Instant dueDate,
            @Valid RecurrenceRequest recurrence) {
    }

    /** Weekly for {@code weeks} weeks, the first due at the assignment's {@code dueDate}. */
    record RecurrenceRequest(@NotNull @Min(2) @Max(Recurrence.MAX_WEEKS) Integer weeks) {
    }

    record ChangeRequest(@Size(max = Worksheet.MAX_TITLE) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(max = Worksheet.MAX_TEXT) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String instructions,
            @Size(max = Worksheet.MAX_TEXT) String description, Instant dueDate) {
    }

    record SubmitRequest(@Size(max = Worksheet.MAX_RESPONSE) String response) {
    }

    record FeedbackRequest(@NotBlank @Size(max = Worksheet.MAX_RESPONSE) String feedback) {
    }

    record FileResponse(UUID id, String fileName, String contentType, long size, Instant uploadedAt) {

        static FileResponse of(WorksheetFile file) {
            return new FileResponse(file.fileId(), file.name(), file.contentType(), file.size(), file.uploadedAt());
        }
    }

    /** A worksheet as the apps read it; a list item leaves out the work and the files. */
    record WorksheetResponse(UUID id, UUID seriesId, UUID clientId, UUID therapistId, String title,
            String instructions, String description, Instant dueDate, WorksheetStatus status, Instant submittedAt,
            Instant reviewedAt, String response, String feedback, List<FileResponse> materials,
            List<FileResponse> submissions, Instant createdAt, Instant updatedAt) {

        static WorksheetResponse of(WorksheetView view) {
            Worksheet worksheet = view.worksheet();
            return new WorksheetResponse(worksheet.id(), worksheet.seriesId(), worksheet.clientId(),
                    worksheet.therapistId(), worksheet.title(), worksheet.instructions(), worksheet.description(),
                    worksheet.dueDate(), view.status(), worksheet.submittedAt(), worksheet.reviewedAt(),
                    worksheet.response(), worksheet.feedback(),
                    view.materials().stream().map(FileResponse::of).toList(),
                    view.submissions().stream().map(FileResponse::of).toList(), worksheet.createdAt(),
                    worksheet.updatedAt());
        }

        static WorksheetResponse summary(WorksheetView view) {
            Worksheet worksheet = view.worksheet();
            return new WorksheetResponse(worksheet.id(), worksheet.seriesId(), worksheet.clientId(),
                    worksheet.therapistId(), worksheet.title(), worksheet.instructions(), worksheet.description(),
                    worksheet.dueDate(), view.status(), worksheet.submittedAt(), worksheet.reviewedAt(), null, null,
                    null, null, worksheet.createdAt(), worksheet.updatedAt());
        }
    }
}
