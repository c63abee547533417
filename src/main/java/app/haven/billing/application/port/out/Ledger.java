package app.haven.billing.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import app.haven.billing.domain.Charge;
import app.haven.billing.domain.Payment;
import app.haven.billing.domain.Provider;
import app.haven.billing.domain.Refund;
import app.haven.billing.domain.ServiceCode;
import app.haven.billing.domain.Totals;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The billing ledger in the relational store: service codes, charges, payments, refunds. */
public interface Ledger {

    Flux<ServiceCode> serviceCodes();

    Mono<ServiceCode> serviceCode(String code);

    Mono<Void> saveServiceCode(ServiceCode code, Instant now);

    /** Adds the charge; fails with {@link AlreadyCharged} when its source key was charged before. */
    Mono<Void> addCharge(Charge charge);

    Flux<Charge> charges(UUID clientId, LocalDate from, LocalDate to, Position after, int limit);

    /** Makes sure the client has an account row; on its own, outside any transaction. */
    Mono<Void> openAccount(UUID clientId, Instant now);

    /** The client's account row (see {@link #openAccount}), locked until the transaction ends. */
    Mono<Void> lockAccount(UUID clientId);

    Mono<Totals> totals(UUID clientId);

    /** The totals before a month: charges dated before {@code day}, money moved before {@code at}. */
    Mono<Totals> totalsBefore(UUID clientId, LocalDate day, Instant at);

    /** Charges dated from {@code from} to {@code to}, both included, in date order. */
    Flux<Charge> chargesDated(UUID clientId, LocalDate from, LocalDate to);

    /** Payments that took money (completed or since refunded) received from {@code from} up to, not including, {@code to}. */
    Flux<Payment> paymentsReceived(UUID clientId, Instant from, Instant to);

    /** Refunds made from {@code from} up to, not including, {@code to}. */
    Flux<Refund> refundsMade(UUID clientId, Instant from, Instant to);

    Mono<Provider> provider(UUID therapistId);

    Flux<Provider> providers(Collection<UUID> therapistIds);

    Mono<Void> saveProvider(Provider provider);

    Mono<Void> addPayment(Payment payment);

    Mono<Payment> lockPayment(UUID paymentId);

    Mono<Void> markRefunded(Payment payment, UUID refundedBy, Instant now);

    Flux<Payment> payments(UUID clientId, Position after, int limit);

    /** The payment an idempotency key of this caller was first used for, with the hash of that request. */
    Mono<KeyedPayment> paymentForKey(UUID callerId, String key);

    Mono<Void> rememberKey(UUID callerId, String key, String requestHash, UUID paymentId, Instant now);

    record KeyedPayment(String requestHash, Payment payment) {
    }

    record Position(Instant at, UUID id) {
    }

    /** The charge's source was charged before: exactly once means this one is not needed. */
    class AlreadyCharged extends RuntimeException {

        public AlreadyCharged(Throwable cause) {
            super("Already charged", cause);
        }
    }
}
