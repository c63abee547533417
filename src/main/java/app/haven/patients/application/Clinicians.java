package app.haven.patients.application;

import java.util.UUID;

import app.haven.patients.application.port.out.ClientRecordStore;
import app.haven.patients.domain.ClientRecord;
import app.haven.shared.Caller;
import app.haven.shared.ForbiddenException;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/**
 * Who may see a client's record: their current therapist and the practice's staff. A therapist
 * asking for someone else's client is told it does not exist, so ids cannot be probed.
 */
final class Clinicians {

    private Clinicians() {
    }

    static void requireClinician(Caller caller) {
        if (!caller.hasRole(Role.THERAPIST, Role.STAFF, Role.ADMIN)) {
            throw new ForbiddenException("Only the practice's clinicians and staff see client records");
        }
    }

    /** The therapist whose caseload the caller sees, or null for staff, who see the practice. */
    static UUID caseloadOf(Caller caller) {
        requireClinician(caller);
        return caller.role() == Role.THERAPIST ? caller.id() : null;
    }

    static Mono<ClientRecord> visibleRecord(ClientRecordStore records, Caller caller, UUID clientId) {
        requireClinician(caller);
        return records.find(clientId).filter(record -> maySee(caller, record)).switchIfEmpty(notFound());
    }

    static boolean maySee(Caller caller, ClientRecord record) {
        return caller.role() != Role.THERAPIST || record.isInCaseloadOf(caller.id());
    }

    static <T> Mono<T> notFound() {
        return Mono.error(() -> new NotFoundException("Client"));
    }
}
