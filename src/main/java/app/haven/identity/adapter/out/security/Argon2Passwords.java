package app.haven.identity.adapter.out.security;

import java.util.Map;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import app.haven.identity.application.port.out.Passwords;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id through Spring Security's delegating encoder, so stored hashes name their algorithm
 * ({@code {argon2}…}) and a future algorithm can take over without a migration. Hashing is slow on
 * purpose and runs on a bounded pool sized to the cores, never on an event loop.
 */
@Component
class Argon2Passwords implements Passwords {

    private static final String ARGON2 = "argon2";

    private final PasswordEncoder encoder = new DelegatingPasswordEncoder(ARGON2, Map.of(
            ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt", new BCryptPasswordEncoder()));
    private final Scheduler hashing = Schedulers.newBoundedElastic(
            Math.max(2, Runtime.getRuntime().availableProcessors()), 1_000, "password-hashing");
    private final String decoy = encoder.encode("a password nobody has, for timing only");

    @Override
    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(hashing);
    }

    @Override
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> encoder.matches(password, hash)).subscribeOn(hashing);
    }

    @Override
    public Mono<Boolean> matchNothing(String password) {
        return matches(password, decoy).map(ignored -> false);
    }
}
