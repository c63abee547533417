package app.haven.billing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.billing.ChargeCreated;
import app.haven.billing.application.port.out.Ledger;
import app.haven.billing.domain.Charge;
import app.haven.billing.domain.Money;
import app.haven.identity.Accounts;
import app.haven.patients.SessionDirectory;
import app.haven.shared.Caller;
import app.haven.shared.EventOutbox;
import app.haven.shared.InvalidInputException;
import app.haven.shared.Role;
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
    private final SessionDirectory sessions;
    private final Accounts accounts;

    PostCharges(Ledger ledger, BillingProperties properties, EventOutbox outbox, Transactions transactions,
            Clock clock, SessionDirectory sessions, Accounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.ledger = ledger;
        this.properties = properties;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Void> completed(SessionFacts session, String serviceCode, boolean telehealth) {
        return ledger.serviceCode(serviceCode)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Unknown service code " + serviceCode)))
                .flatMap(code -> charge(Charge.forSession(session.sessionId(), session.clientId(),
                        session.therapistId(), code, telehealth, day(session.startsAt()), properties.currency(), now())));
    }

    public Mono<Void> cancelledLate(SessionFacts session) {
        return fee(Charge.Kind.LATE_CANCEL, properties.lateCancelFee(), session);
    }

    public Mono<Void> missed(SessionFacts session) {
        return fee(Charge.Kind.NO_SHOW, properties.noShowFee(), session);
    }

    private Mono<Void> fee(Charge.Kind kind, BigDecimal amount, SessionFacts session) {
        if (amount.signum() <= 0) {
            return Mono.empty();
        }
        return charge(Charge.fee(kind, session.sessionId(), session.clientId(), session.therapistId(), amount,
                day(session.startsAt()), properties.currency(), now()));
    }

    /**
     * Staff charge a client by hand, at the code's fee unless they give an amount. A named session
     * must be this client's, and its therapist is the provider; otherwise a named provider must be
     * one of the practice's therapists.
     */
    public Mono<Charge> manual(Caller caller, ManualCharge request) {
        BillingAccess.requireStaff(caller);
        BigDecimal checked = request.amount() == null ? null : Money.positive("amount", request.amount());
        return Mono.zip(ledger.serviceCode(request.serviceCode()).switchIfEmpty(Mono.error(() ->
                                new InvalidInputException("serviceCode", "is not a code the practice bills"))),
                        providerOf(request))
                .map(found -> Charge.manual(request.clientId(), found.getT1(), checked, request.serviceDate(),
                        request.sessionId(), found.getT2().orElse(null), properties.currency(), caller.id(), now()))
                .flatMap(charge -> post(charge).thenReturn(charge));
    }

    private Mono<Optional<UUID>> providerOf(ManualCharge request) {
        if (request.sessionId() != null) {
            return sessions.partiesOf(request.sessionId())
                    .filter(parties -> parties.clientId().equals(request.clientId()))
                    .switchIfEmpty(Mono.error(() -> new InvalidInputException("sessionId", "is not a session of this client")))
                    .map(parties -> {
                        if (request.providerId() != null && !request.providerId().equals(parties.therapistId())) {
                            throw new InvalidInputException("providerId", "is not the therapist of this session");
                        }
                        return Optional.of(parties.therapistId());
                    });
        }
        if (request.providerId() == null) {
            return Mono.just(Optional.empty());
        }
        return accounts.find(request.providerId()).filter(account -> account.role() == Role.THERAPIST)
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("providerId", "is not one of the practice's therapists")))
                .map(account -> Optional.of(account.id()));
    }

    /** What billing needs to know of a session to charge for it. */
    public record SessionFacts(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt) {
    }

    public record ManualCharge(UUID clientId, String serviceCode, BigDecimal amount, LocalDate serviceDate,
            UUID sessionId, UUID providerId) {
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
