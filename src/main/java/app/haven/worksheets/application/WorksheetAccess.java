package app.haven.worksheets.application;

import app.haven.patients.Caseload;
import app.haven.shared.Caller;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import app.haven.worksheets.domain.Worksheet;
import reactor.core.publisher.Mono;

/**
 * Who may touch a worksheet: the therapist currently assigned to its client, and that client.
 * Anyone else is told it does not exist, whatever their role, so ids reveal nothing.
 */
final class WorksheetAccess {

    private WorksheetAccess() {
    }

    static Mono<Worksheet> asTherapist(Caseload caseload, Caller caller, Mono<Worksheet> found) {
        return found.filterWhen(worksheet -> caller.role() == Role.THERAPIST
                        ? caseload.isAssigned(caller.id(), worksheet.clientId()) : Mono.just(false))
                .switchIfEmpty(Mono.error(WorksheetAccess::notFound));
    }

    static Mono<Worksheet> asClient(Caller caller, Mono<Worksheet> found) {
        return found.filter(worksheet -> caller.role() == Role.CLIENT && worksheet.clientId().equals(caller.id()))
                .switchIfEmpty(Mono.error(WorksheetAccess::notFound));
    }

    static Mono<Worksheet> asClientOrTherapist(Caseload caseload, Caller caller, Mono<Worksheet> found) {
        return caller.role() == Role.CLIENT ? asClient(caller, found) : asTherapist(caseload, caller, found);
    }

    static NotFoundException notFound() {
        return new NotFoundException("Worksheet");
    }
}
