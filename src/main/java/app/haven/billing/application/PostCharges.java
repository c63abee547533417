package app.haven.billing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.billing.ChargeCreated;
import app.haven.billing.application.port.out.Ledger;
import app.haven.billing.domain.Charge;
import app.haven.billing.domain.Money;
import app.haven.shared.Caller;
import app.haven.shared.EventOutbox;
import app.haven.shared.InvalidInputException;
import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/**
 * Charges: those that follow from sessions (a completed session at its code's current fee, a late
 * cancellation or a no-show at the configured fee) and those staff enter by hand. A session's
 * charge is made exactly once, whatever happens to event delivery: its source key is unique in the
 * database, so a second delivery's insert fails and changes nothing.
 */
@Service
public class PostCharges {

    private final Ledger ledger;
    private final BillingProperties properties;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final Clock clock;

    PostCharges(Ledger ledger, BillingProperties properties, EventOutbox outbox, Transactions transactions,
            Clock clock) {
        this.ledger = ledger;
        this.properties = properties;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Void> completed(UUID sessionId, UUID clientId, String serviceCode, boolean telehealth, Instant startsAt) {
        return ledger.serviceCode(serviceCode)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Unknown service code " + serviceCode)))
                .flatMap(code -> charge(Charge.forSession(sessionId, clientId, code, telehealth, day(startsAt),
                        properties.currency(), now())));
    }

    public Mono<Void> cancelledLate(UUID sessionId, UUID clientId, Instant startsAt) {
        return fee(Charge.Kind.LATE_CANCEL, properties.lateCancelFee(), sessionId, clientId, startsAt);
    }

    public Mono<Void> missed(UUID sessionId, UUID clientId, Instant startsAt) {
        return fee(Charge.Kind.NO_SHOW, properties.noShowFee(), sessionId, clientId, startsAt);
    }

    private Mono<Void> fee(Charge.Kind kind, BigDecimal amount, UUID sessionId, UUID clientId, Instant startsAt) {
        if (amount.signum() <= 0) {
            return Mono.empty();
        }
        return charge(Charge.fee(kind, sessionId, clientId, amount, day(startsAt), properties.currency(),
                now()));
    }

    /** Staff charge a client by hand, at the code's fee unless they give an amount. */
    public Mono<Charge> manual(Caller caller, UUID clientId, String serviceCode, BigDecimal amount,
            LocalDate serviceDate, UUID sessionId) {
        BillingAccess.requireStaff(caller);
        BigDecimal checked = amount == null ? null : Money.positive("amount", amount);
        return ledger.serviceCode(serviceCode)
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("serviceCode", "is not a code the practice bills")))
                .map(code -> Charge.manual(clientId, code, checked, serviceDate, sessionId, properties.currency(),
                        caller.id(), now()))
                .flatMap(charge -> post(charge).thenReturn(charge));
    }

    private Mono<Void> charge(Charge charge) {
        return post(charge).onErrorResume(Ledger.AlreadyCharged.class, charged -> Mono.empty());
    }

    private Mono<Void> post(Charge charge) {
        return transactions.commit(ledger.addCharge(charge)
                .then(outbox.stage(new ChargeCreated(charge.id(), charge.clientId(), charge.sessionId(),
                        charge.kind().name(), charge.amount(), charge.currency(), charge.serviceDate()))));
    }

    private LocalDate day(Instant startsAt) {
        return LocalDate.ofInstant(startsAt, properties.zone());
    }

    /** Stored with microseconds, as the database keeps them, so an answer and its replay agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
