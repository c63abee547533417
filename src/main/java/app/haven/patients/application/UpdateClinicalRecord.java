package app.haven.patients.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.application.port.out.ClientRecordStore;
import app.haven.patients.domain.ClientRecord.ClinicalChange;
import app.haven.shared.Caller;
import app.haven.shared.ForbiddenException;
import app.haven.shared.Role;
import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/**
 * The assigned therapist changes the clinical part of their client's record: status, diagnosis,
 * treatment plan, planned sessions. Nothing else can be set this way.
 */
@Service
public class UpdateClinicalRecord {

    private final ClientRecordStore records;
    private final Panel panel;
    private final Transactions transactions;
    private final Clock clock;

    UpdateClinicalRecord(ClientRecordStore records, Panel panel, Transactions transactions, Clock clock) {
        this.records = records;
        this.panel = panel;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Panel.Detail> update(Caller caller, UUID clientId, ClinicalChange change) {
        if (caller.role() != Role.THERAPIST) {
            return Mono.error(new ForbiddenException("Only the client's therapist changes the clinical record"));
        }
        return transactions.commit(records.lock(clientId)
                        .filter(record -> record.isInCaseloadOf(caller.id()))
                        .switchIfEmpty(Clinicians.notFound())
                        .map(record -> record.withClinical(change, clock.instant()))
                        .flatMap(changed -> records.save(changed).thenReturn(changed)))
                .flatMap(panel::describe);
    }
}
