package app.haven.billing.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import app.haven.billing.Balances;
import app.haven.billing.application.port.out.Ledger;
import app.haven.billing.domain.Charge;
import app.haven.billing.domain.Payment;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.KeysetCursor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A client's charges, payments and balance. */
@Service
public class ReadLedger implements Balances {

    private final Ledger ledger;
    private final BillingProperties properties;

    ReadLedger(Ledger ledger, BillingProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
    }

    public record Balance(UUID clientId, BigDecimal totalCharges, BigDecimal totalPayments, BigDecimal balance,
            String currency) {
    }

    public Mono<Balance> balance(Caller caller, UUID clientId) {
        UUID account = BillingAccess.accountOf(caller, clientId);
        return ledger.totals(account).map(totals -> new Balance(account, totals.charges(),
                totals.payments().subtract(totals.refunds()), totals.balance(), properties.currency()));
    }

    @Override
    public Mono<Balances.Balance> balanceOf(UUID clientId) {
        return ledger.totals(clientId).map(totals -> new Balances.Balance(totals.balance(), properties.currency()));
    }

    public Mono<CursorPage<Charge>> charges(Caller caller, UUID clientId, LocalDate from, LocalDate to, String cursor,
            int limit) {
        UUID account = BillingAccess.accountOf(caller, clientId);
        Ledger.Position after = KeysetCursor.decode(cursor, Ledger.Position::new);
        return page(ledger.charges(account, from, to, after, limit + 1), limit,
                charge -> KeysetCursor.encode(charge.createdAt(), charge.id()));
    }

    public Mono<CursorPage<Payment>> payments(Caller caller, UUID clientId, String cursor, int limit) {
        UUID account = BillingAccess.accountOf(caller, clientId);
        Ledger.Position after = KeysetCursor.decode(cursor, Ledger.Position::new);
        return page(ledger.payments(account, after, limit + 1), limit,
                payment -> KeysetCursor.encode(payment.receivedAt(), payment.id()));
    }

    private static <T> Mono<CursorPage<T>> page(Flux<T> found, int limit, Function<T, String> cursorOf) {
        return found.collectList().map(items -> CursorPage.ofOneExtra(items, limit, cursorOf));
    }

}
