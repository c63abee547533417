package app.haven.portal.adapter.in.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.portal.application.TherapistChangeRequests;
import app.haven.portal.domain.ChangeRequest;
import app.haven.shared.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Therapist change requests: the client asks; staff list, approve or decline. */
@RestController
@Validated
@RequestMapping("/api/v1/portal/therapist-change-requests")
class ChangeRequestController {

    private final TherapistChangeRequests requests;

    ChangeRequestController(TherapistChangeRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ChangeRequest> request(Caller caller, @Valid @RequestBody NewRequest request) {
        return requests.request(caller, request.reason(), request.preferences());
    }

    @GetMapping
    Flux<ChangeRequest> list(Caller caller, @RequestParam(required = false) ChangeRequest.Status status) {
        return requests.list(caller, status);
    }

    @PostMapping("/{id}/approve")
    Mono<ChangeRequest> approve(Caller caller, @PathVariable UUID id, @Valid @RequestBody Approval approval) {
        return requests.approve(caller, id, approval.therapistId(), approval.note());
    }

    @PostMapping("/{id}/decline")
    Mono<ChangeRequest> decline(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody(required = false) Decline decline) {
        return requests.decline(caller, id, decline == null ? null : decline.note());
    }

    record NewRequest(@NotBlank @Size(max = ChangeRequest.MAX_TEXT) String reason,
            @Size(max = ChangeRequest.MAX_TEXT) String preferences) {
    }

    record Approval(@NotNull UUID therapistId, @Size(max = ChangeRequest.MAX_NOTE) String note) {
    }

    record Decline(@Size(max = ChangeRequest.MAX_NOTE) String note) {
    }
}
