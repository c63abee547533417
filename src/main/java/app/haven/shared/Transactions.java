package app.haven.shared;

import reactor.core.publisher.Mono;

/**
 * Runs a use case's writes in one R2DBC transaction. Events staged through {@link EventOutbox}
 * inside it commit or roll back with the state, and the relay is woken as soon as the
 * transaction has committed.
 */
public interface Transactions {

    <T> Mono<T> commit(Mono<T> work);
}
