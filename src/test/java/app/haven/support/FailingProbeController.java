package app.haven.support;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** A test-only route that fails the way a database error would, to prove nothing leaks. */
@RestController
class FailingProbeController {

    static final String SECRET_DETAIL = "SELECT password_hash FROM accounts WHERE id = 42 /* at app.haven.Secret */";

    @GetMapping("/api/v1/test-probe/failure")
    Mono<String> fail() {
        return Mono.error(new IllegalStateException(SECRET_DETAIL));
    }
}
