package app.haven.billing.application;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.billing.PaymentReceived;
import app.haven.billing.PaymentRefunded;
import app.haven.billing.application.port.out.Ledger;
import app.haven.billing.application.port.out.PaymentGateway;
import app.haven.billing.domain.ConfirmationNumber;
import app.haven.billing.domain.Money;
import app.haven.billing.domain.Payment;
import app.haven.shared.Caller;
import app.haven.shared.ConflictException;
import app.haven.shared.EventOutbox;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/**
 * Payments against a client's balance. Each runs with the client's account row locked, so two
 * payments are decided one after the other and can never together exceed the balance; the
 * {@code Idempotency-Key} is checked under the same lock, so a retry answers the first result and
 * a different request under the same key is refused. A declined card is recorded and changes
 * nothing.
 */
@Service
public class TakePayments {

    private final Ledger ledger;
    private final PaymentGateway gateway;
    private final BillingProperties properties;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final Clock clock;

    TakePayments(Ledger ledger, PaymentGateway gateway, BillingProperties properties, EventOutbox outbox,
            Transactions transactions, Clock clock) {
        this.ledger = ledger;
        this.gateway = gateway;
        this.properties = properties;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a payer asks for; {@code cardToken} comes from the processor's client-side form. */
    public record PaymentRequest(UUID clientId, BigDecimal amount, Payment.Method method, String cardToken) {
    }

    /** The payment, and whether it is the answer to an earlier request with the same key. */
    public record Taken(Payment payment, boolean replayed) {
    }

    public Mono<Taken> pay(Caller caller, String idempotencyKey, PaymentRequest request) {
        UUID clientId = BillingAccess.accountOf(caller, request.clientId());
        if (caller.role() == Role.CLIENT && request.method() != Payment.Method.CARD) {
            return Mono.error(new InvalidInputException("method", "Clients pay by CARD; staff record other payments"));
        }
        if (request.method() == Payment.Method.CARD && (request.cardToken() == null || request.cardToken().isBlank())) {
            return Mono.error(new InvalidInputException("cardToken", "is required for a CARD payment"));
        }
        BigDecimal amount = Money.positive("amount", request.amount());
        String requestHash = hash(clientId, amount, request);
        Instant now = now();
        return ledger.openAccount(clientId, now).then(transactions.commit(ledger.lockAccount(clientId)
                .then(ledger.paymentForKey(caller.id(), idempotencyKey))
                .flatMap(earlier -> {
                    if (!earlier.requestHash().equals(requestHash)) {
                        return Mono.<Taken>error(new ConflictException(
                                "That Idempotency-Key was used for a different payment; use a new key"));
                    }
                    return Mono.just(new Taken(earlier.payment(), true));
                })
                .switchIfEmpty(Mono.defer(() -> take(caller, clientId, amount, request, now)
                        .flatMap(payment -> ledger.rememberKey(caller.id(), idempotencyKey, requestHash, payment.id(), now)
                                .thenReturn(new Taken(payment, false)))))));
    }

    private Mono<Payment> take(Caller caller, UUID clientId, BigDecimal amount, PaymentRequest request, Instant now) {
        return ledger.totals(clientId).flatMap(totals -> {
            if (amount.compareTo(totals.balance()) > 0) {
                return Mono.error(new InvalidInputException("amount",
                        "is more than the balance of " + totals.balance().toPlainString()));
            }
            UUID id = UUID.randomUUID();
            Mono<PaymentGateway.Outcome> outcome = request.method() == Payment.Method.CARD
                    ? gateway.charge(request.cardToken(), amount, properties.currency(), id)
                    : Mono.just(PaymentGateway.Outcome.approved(null));
            return outcome.flatMap(result -> {
                Payment payment = new Payment(id, clientId, amount, properties.currency(), request.method(),
                        result.approved() ? Payment.Status.COMPLETED : Payment.Status.DECLINED,
                        ConfirmationNumber.next(), result.reference(), result.declineReason(), caller.id(), now);
                Mono<Void> announce = result.approved()
                        ? outbox.stage(new PaymentReceived(id, clientId, amount, payment.currency(),
                                payment.method().name(), now))
                        : Mono.empty();
                return ledger.addPayment(payment).then(announce).thenReturn(payment);
            });
        });
    }

    /** Staff give a completed payment back: a reversing entry, and the amount is owed again. */
    public Mono<Payment> refund(Caller caller, UUID paymentId) {
        BillingAccess.requireStaff(caller);
        Instant now = now();
        return transactions.commit(ledger.lockPayment(paymentId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Payment")))
                .flatMap(payment -> ledger.lockAccount(payment.clientId()).thenReturn(payment))
                .flatMap(payment -> {
                    Payment refunded = payment.refunded();
                    return ledger.markRefunded(refunded, caller.id(), now)
                            .then(outbox.stage(new PaymentRefunded(payment.id(), payment.clientId(), payment.amount(),
                                    payment.currency(), now)))
                            .thenReturn(refunded);
                }));
    }

    private static String hash(UUID clientId, BigDecimal amount, PaymentRequest request) {
        String canonical = clientId + "|" + amount.toPlainString() + "|" + request.method() + "|"
                + (request.cardToken() == null ? "" : request.cardToken());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stored with microseconds, as the database keeps them, so an answer and its replay agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
