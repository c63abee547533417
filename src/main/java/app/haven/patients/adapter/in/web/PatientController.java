package app.haven.patients.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.haven.patients.application.Panel;
import app.haven.patients.application.UpdateClinicalRecord;
import app.haven.patients.domain.ClientRecord;
import app.haven.patients.domain.ClinicalStatus;
import app.haven.patients.domain.Diagnosis;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/**
 * The therapist's panel: their caseload with filters, one client's record, the clinical changes
 * the assigned therapist makes, and the caseload's figures. Staff see the whole practice.
 */
@RestController
@Validated
@RequestMapping("/api/v1/patients")
class PatientController {

    private static final int MAX_LIMIT = 100;
    private static final String CODE_MESSAGE = "must be an ICD-10 code such as F32.1";

    private final Panel panel;
    private final UpdateClinicalRecord updateClinicalRecord;

    PatientController(Panel panel, UpdateClinicalRecord updateClinicalRecord) {
        this.panel = panel;
        this.updateClinicalRecord = updateClinicalRecord;
    }

    @GetMapping
    Mono<CursorPage<Panel.Item>> list(Caller caller,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) ClinicalStatus status,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z][0-9A-Za-z.]{0,7}",
                    message = "must be the start of an ICD-10 code, such as F32") String diagnosis,
            @RequestParam(required = false) @Min(0) @Max(100) Integer progressMin,
            @RequestParam(required = false) @Min(0) @Max(100) Integer progressMax,
            @RequestParam(required = false) Instant assignedFrom,
            @RequestParam(required = false) Instant assignedTo,
            @RequestParam(required = false) Boolean hasOverdueWorksheets,
            @RequestParam(required = false) Boolean hasUpcomingSession,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) int limit) {
        return panel.list(caller, new Panel.Query(q, status,
                diagnosis == null ? null : diagnosis.toUpperCase(Locale.ROOT), progressMin, progressMax, assignedFrom,
                assignedTo, hasOverdueWorksheets, hasUpcomingSession, cursor, Math.min(limit, MAX_LIMIT)));
    }

    @GetMapping("/stats")
    Mono<Panel.Stats> stats(Caller caller) {
        return panel.stats(caller);
    }

    @GetMapping("/{clientId}")
    Mono<Panel.Detail> detail(Caller caller, @PathVariable UUID clientId) {
        return panel.detail(caller, clientId);
    }

    @PatchMapping("/{clientId}")
    Mono<Panel.Detail> update(Caller caller, @PathVariable UUID clientId,
            @Valid @RequestBody ClinicalChangeRequest request) {
        return Mono.fromCallable(request::change)
                .flatMap(change -> updateClinicalRecord.update(caller, clientId, change));
    }

    /** The clinical fields of a record, and only those; absent fields stay as they are. */
    record ClinicalChangeRequest(ClinicalStatus status,
            @Size(max = Diagnosis.MAX_CODES) List<@Pattern(regexp = Diagnosis.CODE_FORMAT, message = CODE_MESSAGE)
                    String> diagnosis,
            @Size(max = 10_000) String treatmentPlan,
            @Min(1) @Max(ClientRecord.MAX_PLANNED_SESSIONS) Integer totalSessions) {

        ClientRecord.ClinicalChange change() {
            return new ClientRecord.ClinicalChange(status, diagnosis == null ? null : new Diagnosis(diagnosis),
                    treatmentPlan, totalSessions);
        }
    }
}
