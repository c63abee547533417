package app.haven.worksheets.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.Caseload;
import app.haven.shared.Caller;
import app.haven.shared.EventOutbox;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import app.haven.shared.Transactions;
import app.haven.worksheets.WorksheetAssigned;
import app.haven.worksheets.application.port.out.WorksheetFileStore;
import app.haven.worksheets.application.port.out.WorksheetStore;
import app.haven.worksheets.domain.Recurrence;
import app.haven.worksheets.domain.Worksheet;
import app.haven.worksheets.domain.WorksheetFile;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The therapist's side of a worksheet's life: assigning it (once, or weekly as a series),
 * changing it, and taking it back. Client and therapist come from the token and the path; only
 * the therapist currently assigned to the client may do any of it.
 */
@Service
public class AssignWorksheets {

    private final WorksheetStore worksheets;
    private final WorksheetFileStore files;
    private final WorksheetFileService fileService;
    private final Caseload caseload;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final Clock clock;

    AssignWorksheets(WorksheetStore worksheets, WorksheetFileStore files, WorksheetFileService fileService,
            Caseload caseload, EventOutbox outbox, Transactions transactions, Clock clock) {
        this.worksheets = worksheets;
        this.files = files;
        this.fileService = fileService;
        this.caseload = caseload;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the therapist asks for; {@code recurrence} makes it a weekly series starting at {@code dueDate}. */
    public record Assignment(UUID clientId, Worksheet.Content content, Instant dueDate, Recurrence recurrence) {
    }

    /** The edits a therapist may make; {@code null} leaves a field as it is. */
    public record Changes(String title, String instructions, String description, Instant dueDate) {
    }

    /** Answers the worksheets created, earliest due first. */
    public Mono<List<Worksheet>> assign(Caller caller, Assignment assignment) {
        Mono<Boolean> mayAssign = caller.role() == Role.THERAPIST
                ? caseload.isAssigned(caller.id(), assignment.clientId()) : Mono.just(false);
        return mayAssign.flatMap(allowed -> {
            if (!allowed) {
                return Mono.error(new NotFoundException("Client"));
            }
            Instant now = clock.instant();
            List<Instant> dueDates = assignment.recurrence() == null ? List.of(assignment.dueDate())
                    : assignment.recurrence().dueDates(assignment.dueDate());
            UUID seriesId = dueDates.size() > 1 ? UUID.randomUUID() : null;
            List<Worksheet> created = new ArrayList<>();
            for (Instant due : dueDates) {
                created.add(Worksheet.assign(UUID.randomUUID(), seriesId, assignment.clientId(), caller.id(),
                        assignment.content(), due, now));
            }
            return transactions.commit(Flux.fromIterable(created)
                    .concatMap(worksheet -> worksheets.add(worksheet).then(outbox.stage(new WorksheetAssigned(
                            worksheet.id(), seriesId, worksheet.clientId(), worksheet.therapistId(),
                            worksheet.dueDate(), now))))
                    .then(Mono.just(List.copyOf(created))));
        });
    }

    /** Changes one worksheet, or with {@code wholeSeries} every worksheet of its series not yet handed in. */
    public Mono<Worksheet> change(Caller caller, UUID id, Changes changes, boolean wholeSeries) {
        Instant now = clock.instant();
        return transactions.commit(WorksheetAccess.asTherapist(caseload, caller, worksheets.lock(id))
                .flatMap(worksheet -> {
                    Worksheet changed = worksheet.change(changes.title(), changes.instructions(),
                            changes.description(), changes.dueDate(), now);
                    Mono<Void> rest = Mono.empty();
                    if (wholeSeries && worksheet.seriesId() != null) {
                        Duration shift = changes.dueDate() == null ? null
                                : Duration.between(worksheet.dueDate(), changes.dueDate());
                        rest = worksheets.lockSeries(worksheet.seriesId())
                                .filter(other -> !other.id().equals(id) && other.status().isOpen())
                                .concatMap(other -> worksheets.save(other.changeInSeries(changes.title(),
                                        changes.instructions(), changes.description(), shift, now)))
                                .then();
                    }
                    return worksheets.save(changed).then(rest).thenReturn(changed);
                }));
    }

    /**
     * Takes a worksheet back with its materials and submissions; with {@code wholeSeries}, also the
     * rest of its series that the client has not handed in (their work stays).
     */
    public Mono<Void> delete(Caller caller, UUID id, boolean wholeSeries) {
        return transactions.commit(WorksheetAccess.asTherapist(caseload, caller, worksheets.lock(id))
                        .flatMapMany(worksheet -> wholeSeries && worksheet.seriesId() != null
                                ? worksheets.lockSeries(worksheet.seriesId())
                                        .filter(other -> other.id().equals(id) || other.status().isOpen())
                                : Flux.just(worksheet))
                        .concatMap(worksheet -> files.of(worksheet.id()).map(WorksheetFile::fileId).collectList()
                                .flatMap(fileIds -> worksheets.delete(worksheet.id()).thenReturn(fileIds)))
                        .flatMapIterable(fileIds -> fileIds)
                        .collectList())
                // once committed, bytes nothing refers to any more are released
                .flatMapMany(Flux::fromIterable)
                .concatMap(fileService::releaseIfUnreferenced)
                .then();
    }
}
