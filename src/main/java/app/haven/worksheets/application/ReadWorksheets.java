package app.haven.worksheets.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.Caseload;
import app.haven.shared.AccessAudit;
import app.haven.shared.AccessAudit.AuditedResource;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.ForbiddenException;
import app.haven.shared.KeysetCursor;
import app.haven.shared.Role;
import app.haven.worksheets.application.port.out.WorksheetFileStore;
import app.haven.worksheets.application.port.out.WorksheetStore;
import app.haven.worksheets.domain.Worksheet;
import app.haven.worksheets.domain.WorksheetFile;
import app.haven.worksheets.domain.WorksheetStatus;
import reactor.core.publisher.Mono;

/**
 * Worksheets as their two readers see them: a therapist sees those of the clients currently in
 * their caseload, a client their own. Opening one, with its response, feedback and files, is
 * recorded in the access audit.
 */
@Service
public class ReadWorksheets {

    private final WorksheetStore worksheets;
    private final WorksheetFileStore files;
    private final Caseload caseload;
    private final AccessAudit audit;
    private final Clock clock;

    ReadWorksheets(WorksheetStore worksheets, WorksheetFileStore files, Caseload caseload, AccessAudit audit,
            Clock clock) {
        this.worksheets = worksheets;
        this.files = files;
        this.caseload = caseload;
        this.audit = audit;
        this.clock = clock;
    }

    public record Query(WorksheetStatus status, UUID clientId, Instant dueBefore, Instant dueAfter, String cursor,
            int limit) {
    }

    /** A worksheet with its files, and its status as of now. */
    public record WorksheetView(Worksheet worksheet, WorksheetStatus status, List<WorksheetFile> materials,
            List<WorksheetFile> submissions) {
    }

    /** A page of worksheets, earliest due first, each with its status as of now. */
    public Mono<CursorPage<WorksheetView>> list(Caller caller, Query query) {
        Mono<Set<UUID>> readable = switch (caller.role()) {
            case CLIENT -> Mono.just(query.clientId() == null || query.clientId().equals(caller.id())
                    ? Set.of(caller.id()) : Set.of());
            case THERAPIST -> caseload.clientsOf(caller.id())
                    .filter(client -> query.clientId() == null || query.clientId().equals(client))
                    .collect(java.util.stream.Collectors.toSet());
            default -> Mono.error(new ForbiddenException("Worksheets are read by clients and their therapists"));
        };
        Instant now = clock.instant();
        WorksheetStore.Position after = KeysetCursor.decode(query.cursor(), WorksheetStore.Position::new);
        return readable.flatMap(clients -> clients.isEmpty() ? Mono.just(List.<Worksheet>of())
                        : worksheets.list(clients, new WorksheetStore.Filter(query.status(), query.dueBefore(),
                                query.dueAfter()), now, after, query.limit() + 1).collectList())
                .map(found -> {
                    boolean more = found.size() > query.limit();
                    List<Worksheet> page = more ? found.subList(0, query.limit()) : found;
                    String next = more ? KeysetCursor.encode(page.get(page.size() - 1).dueDate(),
                            page.get(page.size() - 1).id()) : null;
                    return new CursorPage<>(page.stream()
                            .map(worksheet -> new WorksheetView(worksheet, worksheet.statusAt(now), List.of(), List.of()))
                            .toList(), next);
                });
    }

    public Mono<WorksheetView> get(Caller caller, UUID id) {
        return WorksheetAccess.asClientOrTherapist(caseload, caller, worksheets.find(id))
                .flatMap(worksheet -> audit.recordRead(caller, worksheet.clientId(), AuditedResource.WORKSHEET,
                                worksheet.id().toString())
                        .then(files.of(id).collectList())
                        .map(all -> new WorksheetView(worksheet, worksheet.statusAt(clock.instant()),
                                all.stream().filter(file -> file.kind() == WorksheetFile.Kind.MATERIAL).toList(),
                                all.stream().filter(file -> file.kind() == WorksheetFile.Kind.SUBMISSION).toList())));
    }
}
