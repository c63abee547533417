package app.haven.shared.events;

import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/**
 * Business transactions run on the R2DBC transaction manager, named explicitly: the JDBC one is
 * the primary manager because Spring Modulith's listeners open their {@code REQUIRES_NEW}
 * transactions on whichever manager is primary.
 */
@Component
class ReactiveTransactions implements Transactions {

    private final TransactionalOperator operator;
    private final OutboxRelay relay;

    ReactiveTransactions(ReactiveTransactionManager reactiveTransactionManager, OutboxRelay relay) {
        this.operator = TransactionalOperator.create(reactiveTransactionManager);
        this.relay = relay;
    }

    @Override
    public <T> Mono<T> commit(Mono<T> work) {
        return operator.transactional(work).doOnSuccess(committed -> relay.relaySoon());
    }
}
