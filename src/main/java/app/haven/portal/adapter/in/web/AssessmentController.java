package app.haven.portal.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.portal.application.Assessments;
import app.haven.portal.domain.Assessment;
import app.haven.portal.domain.Instrument;
import app.haven.shared.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * PHQ-9 and GAD-7: the therapist assigns and reads a client's history under the client's patient
 * route; the client answers in the portal.
 */
@RestController
@Validated
class AssessmentController {

    private final Assessments assessments;

    AssessmentController(Assessments assessments) {
        this.assessments = assessments;
    }

    @PostMapping("/api/v1/patients/{clientId}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AssessmentResponse> assign(Caller caller, @PathVariable UUID clientId,
            @Valid @RequestBody AssignRequest request) {
        return assessments.assign(caller, clientId, request.instrument(), request.dueDate(), request.recurrenceWeeks())
                .map(AssessmentResponse::of);
    }

    @GetMapping("/api/v1/patients/{clientId}/assessments")
    Flux<AssessmentResponse> history(Caller caller, @PathVariable UUID clientId) {
        return assessments.history(caller, clientId).map(AssessmentResponse::of);
    }

    @GetMapping("/api/v1/portal/assessments")
    Flux<AssessmentResponse> mine(Caller caller) {
        return assessments.mine(caller).map(AssessmentResponse::of);
    }

    @PostMapping("/api/v1/portal/assessments/{id}/responses")
    Mono<ScoreResponse> respond(Caller caller, @PathVariable UUID id, @Valid @RequestBody ResponsesRequest request) {
        return assessments.respond(caller, id, request.answers())
                .map(answered -> new ScoreResponse(answered.id(), answered.instrument(), answered.score(),
                        answered.severity(), answered.safetyFlag()));
    }

    record AssignRequest(@NotNull Instrument instrument, LocalDate dueDate,
            @Min(1) @Max(52) Integer recurrenceWeeks) {
    }

    record ResponsesRequest(@NotNull @Size(min = 1, max = 9) List<@NotNull Integer> answers) {
    }

    record ScoreResponse(UUID id, Instrument instrument, int score, Instrument.Severity severity, boolean safetyFlag) {
    }

    record AssessmentResponse(UUID id, UUID clientId, UUID therapistId, Instrument instrument, String status,
            LocalDate dueDate, Integer recurrenceWeeks, List<Integer> answers, Integer score,
            Instrument.Severity severity, boolean safetyFlag, Instant assignedAt, Instant completedAt) {

        static AssessmentResponse of(Assessment assessment) {
            return new AssessmentResponse(assessment.id(), assessment.clientId(), assessment.therapistId(),
                    assessment.instrument(), assessment.status().name(), assessment.dueDate(),
                    assessment.recurrenceWeeks(), assessment.answers(), assessment.score(), assessment.severity(),
                    assessment.safetyFlag(), assessment.assignedAt(), assessment.completedAt());
        }
    }
}
