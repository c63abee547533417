package app.haven.billing;

import java.math.BigDecimal;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** A client's balance from the ledger, for the portal's dashboard: what the balance route shows. */
public interface Balances {

    Mono<Balance> balanceOf(UUID clientId);

    record Balance(BigDecimal amount, String currency) {
    }
}
