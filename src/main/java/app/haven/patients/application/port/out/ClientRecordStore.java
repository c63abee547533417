package app.haven.patients.application.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.haven.patients.domain.ClientRecord;
import app.haven.patients.domain.ClinicalStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Client records, and the panel's queries over them. */
public interface ClientRecordStore {

    Mono<ClientRecord> find(UUID clientId);

    /** The record, locked for the rest of the current transaction. */
    Mono<ClientRecord> lock(UUID clientId);

    /** Stores a new record unless the client already has one; answers whether it was stored. */
    Mono<Boolean> addIfAbsent(ClientRecord record);

    /** Writes every field of an existing record, emergency contacts included. */
    Mono<Void> save(ClientRecord record);

    /** The ids of the records in a caseload ({@code therapistId}), or of all records when it is null. */
    Flux<UUID> idsIn(UUID therapistId);

    /** One page of the panel, in panel order, with each client's next scheduled session. */
    Flux<PanelRow> panel(PanelFilter filter, PanelPosition after, int limit);

    /** How many records of the caseload (or of the practice) are in each status. */
    Mono<Map<ClinicalStatus, Long>> countByStatus(UUID therapistId);

    /**
     * What the panel can be filtered by. {@code therapistId} null means the whole practice;
     * {@code onlyClients} null means no restriction, {@code excludedClients} may be empty.
     */
    record PanelFilter(UUID therapistId, Set<UUID> onlyClients, Set<UUID> excludedClients, ClinicalStatus status,
            String diagnosisPrefix, Integer progressMin, Integer progressMax, Instant assignedFrom,
            Instant assignedTo, Boolean hasUpcomingSession, Instant now) {
    }

    /** Where a page of the panel starts: after this record in panel order (newest first). */
    record PanelPosition(Instant panelSince, UUID clientId) {
    }

    record PanelRow(ClientRecord record, Instant nextSessionAt) {
    }
}
