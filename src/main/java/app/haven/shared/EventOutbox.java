package app.haven.shared;

import reactor.core.publisher.Mono;

/**
 * Stages an event for other modules in the current R2DBC transaction (see {@link Transactions}).
 * <p>
 * Nothing is delivered before the transaction commits, and nothing is ever delivered for a
 * rolled-back change. After commit, the relay hands the event to Spring Modulith's publication
 * registry, from where ordinary {@code @ApplicationModuleListener}s receive it at least once.
 * Staging outside a transaction is an error, never a silent publish.
 */
public interface EventOutbox {

    Mono<Void> stage(Object event);
}
