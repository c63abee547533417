package app.haven.identity.adapter.in.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.identity.application.ChangePassword;
import app.haven.identity.application.EmailVerification;
import app.haven.identity.application.PasswordRecovery;
import app.haven.identity.application.Registration;
import app.haven.identity.application.Sessions;
import app.haven.identity.application.SignIn;
import app.haven.identity.application.SignedIn;
import app.haven.identity.domain.Account;
import app.haven.identity.domain.EmailAddress;
import app.haven.shared.Caller;
import app.haven.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/**
 * Registration, sign-in and everything around passwords. Public except change-password, which
 * needs the caller's token (Spring Security lets only that one through with a token).
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    /** Email fields are checked for their shape here too, so a bad one is named like any invalid field. */
    static final String EMAIL = EmailAddress.UNTRIMMED_SHAPE_REGEX;
    static final String EMAIL_MESSAGE = "is not an email address";

    private final Registration registration;
    private final EmailVerification emailVerification;
    private final SignIn signIn;
    private final Sessions sessions;
    private final PasswordRecovery passwordRecovery;
    private final ChangePassword changePassword;

    AuthController(Registration registration, EmailVerification emailVerification, SignIn signIn, Sessions sessions,
            PasswordRecovery passwordRecovery, ChangePassword changePassword) {
        this.registration = registration;
        this.emailVerification = emailVerification;
        this.signIn = signIn;
        this.sessions = sessions;
        this.passwordRecovery = passwordRecovery;
        this.changePassword = changePassword;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Registered> register(@Valid @RequestBody RegisterRequest request, ServerHttpRequest http) {
        return registration.register(new Registration.Register(request.email(), request.password(),
                        request.firstName(), request.lastName()), Origins.of(http))
                .map(Registered::of);
    }

    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> verifyEmail(@Valid @RequestBody TokenRequest request, ServerHttpRequest http) {
        return emailVerification.verify(request.token(), Origins.of(http));
    }

    @PostMapping("/login")
    Mono<TokenResponse> login(@Valid @RequestBody LoginRequest request, ServerHttpRequest http) {
        return signIn.signIn(request.email(), request.password(), Origins.of(http)).map(TokenResponse::of);
    }

    @PostMapping("/refresh")
    Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request, ServerHttpRequest http) {
        return sessions.refresh(request.refreshToken(), Origins.of(http)).map(TokenResponse::of);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@Valid @RequestBody RefreshRequest request, ServerHttpRequest http) {
        return sessions.signOut(request.refreshToken(), Origins.of(http));
    }

    @PostMapping("/forgot-password")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> forgotPassword(@Valid @RequestBody ForgotPasswordRequest request, ServerHttpRequest http) {
        return passwordRecovery.requestReset(request.email(), Origins.of(http));
    }

    @PostMapping("/reset-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> resetPassword(@Valid @RequestBody ResetPasswordRequest request, ServerHttpRequest http) {
        return passwordRecovery.reset(request.token(), request.newPassword(), Origins.of(http));
    }

    @PostMapping("/change-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> changePassword(Caller caller, @Valid @RequestBody ChangePasswordRequest request,
            ServerHttpRequest http) {
        return changePassword.change(caller, request.currentPassword(), request.newPassword(), Origins.of(http));
    }

    record RegisterRequest(@NotBlank @Size(max = 254) @Pattern(regexp = EMAIL, message = EMAIL_MESSAGE) String email,
            @NotBlank @Size(min = 12, max = 128) String password,
            @NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName) {
    }

    record LoginRequest(@NotBlank @Size(max = 254) @Pattern(regexp = EMAIL, message = EMAIL_MESSAGE) String email,
            @NotBlank @Size(max = 128) String password) {
    }

    record TokenRequest(@NotBlank @Size(max = 100) String token) {
    }

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    record ForgotPasswordRequest(
            @NotBlank @Size(max = 254) @Pattern(regexp = EMAIL, message = EMAIL_MESSAGE) String email) {
    }

    record ResetPasswordRequest(@NotBlank @Size(max = 100) String token,
            @NotBlank @Size(min = 12, max = 128) String newPassword) {
    }

    record ChangePasswordRequest(@NotBlank @Size(max = 128) String currentPassword,
            @NotBlank @Size(min = 12, max = 128) String newPassword) {
    }

    record Registered(UUID id, String email, Role role, boolean emailVerified) {
        static Registered of(Account account) {
            return new Registered(account.id(), account.email().value(), account.role(), account.emailVerified());
        }
    }

    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, UserResponse user) {
        static TokenResponse of(SignedIn signedIn) {
            return new TokenResponse(signedIn.accessToken(), signedIn.refreshToken(), "Bearer",
                    signedIn.accessTokenLifetime().toSeconds(), UserResponse.of(signedIn.account()));
        }
    }
}
