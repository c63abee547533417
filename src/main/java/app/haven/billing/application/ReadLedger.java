package app.haven.billing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import app.haven.billing.ChargeCreated;
import app.haven.billing.application.port.out.Ledger;
import app.haven.billing.domain.Charge;
import app.haven.billing.domain.Money;
import app.haven.billing.domain.Payment;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.EventOutbox;
import app.haven.shared.InvalidInputException;
import app.haven.shared.KeysetCursor;
import app.haven.shared.Transactions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A client's charges, payments and balance, and the charges staff enter by hand. */
@Service
public class ReadLedger {

    private final Ledger ledger;
    private final BillingProperties properties;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final Clock clock;

    ReadLedger(Ledger ledger, BillingProperties properties, EventOutbox outbox, Transactions transactions,
            Clock clock) {
        this.ledger = ledger;
        this.properties = properties;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record Balance(UUID clientId, BigDecimal totalCharges, BigDecimal totalPayments, BigDecimal balance,
            String currency) {
    }

    public Mono<Balance> balance(Caller caller, UUID clientId) {
        UUID account = BillingAccess.accountOf(caller, clientId);
        return ledger.totals(account).map(totals -> new Balance(account, totals.charges(),
                totals.payments().subtract(totals.refunds()), totals.balance(), properties.currency()));
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

    /** Staff charge a client by hand, at the code's fee unless they give an amount. */
    public Mono<Charge> addManualCharge(Caller caller, UUID clientId, String serviceCode, BigDecimal amount,
            LocalDate serviceDate, UUID sessionId) {
        BillingAccess.requireStaff(caller);
        if (clientId == null) {
            return Mono.error(new InvalidInputException("clientId", "is required"));
        }
        BigDecimal checked = amount == null ? null : Money.positive("amount", amount);
        Instant now = now();
        return ledger.serviceCode(serviceCode)
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("serviceCode", "is not a code the practice bills")))
                .map(code -> Charge.manual(clientId, code, checked, serviceDate, sessionId, properties.currency(),
                        caller.id(), now))
                .flatMap(charge -> transactions.commit(ledger.addCharge(charge)
                        .then(outbox.stage(new ChargeCreated(charge.id(), charge.clientId(), charge.sessionId(),
                                charge.kind().name(), charge.amount(), charge.currency(), charge.serviceDate())))
                        .thenReturn(charge)));
    }

    private static <T> Mono<CursorPage<T>> page(Flux<T> found, int limit, Function<T, String> cursorOf) {
        return found.collectList().map(items -> {
            boolean more = items.size() > limit;
            List<T> page = more ? items.subList(0, limit) : items;
            return new CursorPage<>(page, more ? cursorOf.apply(page.get(page.size() - 1)) : null);
        });
    }

    /** Stored with microseconds, as the database keeps them, so an answer and its replay agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
