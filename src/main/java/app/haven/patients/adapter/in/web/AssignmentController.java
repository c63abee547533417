package app.haven.patients.adapter.in.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.patients.application.AssignTherapist;
import app.haven.patients.domain.Assignment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/patients/{clientId}/assignments")
class AssignmentController {

    private final AssignTherapist assignTherapist;

    AssignmentController(AssignTherapist assignTherapist) {
        this.assignTherapist = assignTherapist;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
    Mono<AssignmentResponse> assign(@PathVariable UUID clientId, @Valid @RequestBody AssignmentRequest request) {
        return assignTherapist.assign(new AssignTherapist.Command(clientId, request.therapistId()))
                .map(AssignmentResponse::of);
    }

    record AssignmentRequest(@NotNull UUID therapistId) {
    }

    record AssignmentResponse(UUID id, UUID clientId, UUID therapistId, Instant assignedAt) {
        static AssignmentResponse of(Assignment assignment) {
            return new AssignmentResponse(assignment.id(), assignment.clientId(), assignment.therapistId(),
                    assignment.assignedAt());
        }
    }
}
