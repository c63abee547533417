package app.haven.shared;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The caller of the request being served, over HTTP or RSocket alike. Empty when nobody is
 * signed in (which only public routes ever see).
 */
public interface CurrentUser {

    Mono<Caller> caller();

    /**
     * The stream, ended with a {@link SessionExpiredException} when the caller's access token
     * expires: a stream never outlives the token that opened it.
     */
    <T> Flux<T> whileSignedIn(Flux<T> stream);
}
