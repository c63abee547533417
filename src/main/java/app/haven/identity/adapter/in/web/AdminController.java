package app.haven.identity.adapter.in.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.identity.application.Registration;
import app.haven.identity.application.SecurityAudit;
import app.haven.shared.CursorPage;
import app.haven.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** What only administrators do with accounts: create them, and read the sign-in audit. */
@RestController
@Validated
@RequestMapping("/api/v1/admin")
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

    private static final int MAX_LIMIT = 100;

    private final Registration registration;
    private final SecurityAudit audit;

    AdminController(Registration registration, SecurityAudit audit) {
        this.registration = registration;
        this.audit = audit;
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<UserResponse> create(@Valid @RequestBody CreateUserRequest request, ServerHttpRequest http) {
        return registration.create(new Registration.Create(request.email(), request.password(), request.firstName(),
                request.lastName(), request.role()), Origins.of(http)).map(UserResponse::of);
    }

    @GetMapping("/security-events")
    Mono<CursorPage<SecurityAudit.Entry>> securityEvents(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) int limit) {
        return audit.page(cursor, Math.min(limit, MAX_LIMIT));
    }

    record CreateUserRequest(
            @NotBlank @Size(max = 254) @Pattern(regexp = AuthController.EMAIL, message = AuthController.EMAIL_MESSAGE)
            String email,
            @NotBlank @Size(min = 12, max = 128) String password,
            @NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
            @NotNull Role role) {
    }
}
