package app.haven.identity.application.port.out;

import reactor.core.publisher.Mono;

/** Hashes and checks passwords with a deliberately slow, adaptive hash, off the event loop. */
public interface Passwords {

    Mono<String> hash(String password);

    Mono<Boolean> matches(String password, String hash);

    /** Spends the time of a real check, so an unknown email answers as slowly as a wrong password. */
    Mono<Boolean> matchNothing(String password);
}
