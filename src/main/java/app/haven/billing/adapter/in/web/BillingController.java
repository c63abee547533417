package app.haven.billing.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.billing.application.PostCharges;
import app.haven.billing.application.ReadLedger;
import app.haven.billing.application.ServiceCatalogue;
import app.haven.billing.application.TakePayments;
import app.haven.billing.domain.Charge;
import app.haven.billing.domain.Payment;
import app.haven.billing.domain.ServiceCode;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.PaymentDeclinedException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Billing over HTTP. Every amount goes out as a decimal string with two places, so no client ever
 * parses money into floating point.
 */
@RestController
@Validated
@RequestMapping("/api/v1/billing")
class BillingController {

    private static final int MAX_LIMIT = 100;

    private final ServiceCatalogue catalogue;
    private final ReadLedger ledger;
    private final PostCharges charges;
    private final TakePayments payments;

    BillingController(ServiceCatalogue catalogue, ReadLedger ledger, PostCharges charges, TakePayments payments) {
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.charges = charges;
        this.payments = payments;
    }

    @GetMapping("/service-codes")
    Flux<ServiceCodeResponse> serviceCodes() {
        return catalogue.list().map(ServiceCodeResponse::of);
    }

    @PutMapping("/service-codes/{code}")
    Mono<ServiceCodeResponse> changeFee(Caller caller, @PathVariable String code, @Valid @RequestBody FeeRequest request) {
        return catalogue.changeFee(caller, code, request.fee()).map(ServiceCodeResponse::of);
    }

    @GetMapping("/balance")
    Mono<BalanceResponse> balance(Caller caller, @RequestParam(required = false) UUID clientId) {
        return ledger.balance(caller, clientId).map(BalanceResponse::of);
    }

    @GetMapping("/charges")
    Mono<CursorPage<ChargeResponse>> charges(Caller caller, @RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") @Min(1) int limit) {
        return ledger.charges(caller, clientId, from, to, cursor, Math.min(limit, MAX_LIMIT))
                .map(page -> new CursorPage<>(page.items().stream().map(ChargeResponse::of).toList(), page.nextCursor()));
    }

    @PostMapping("/charges")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ChargeResponse> addCharge(Caller caller, @Valid @RequestBody ChargeRequest request) {
        return charges.manual(caller, new PostCharges.ManualCharge(request.clientId(), request.serviceCode(),
                request.amount(), request.serviceDate(), request.sessionId(), request.providerId()))
                .map(ChargeResponse::of);
    }

    @GetMapping("/payments")
    Mono<CursorPage<PaymentResponse>> payments(Caller caller, @RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") @Min(1) int limit) {
        return ledger.payments(caller, clientId, cursor, Math.min(limit, MAX_LIMIT))
                .map(page -> new CursorPage<>(page.items().stream().map(PaymentResponse::of).toList(), page.nextCursor()));
    }

    /**
     * 201 with the payment; a retry with the same {@code Idempotency-Key} and body answers the same,
     * the same key with another body is 409, a declined card 402 (recorded, balance unchanged).
     */
    @PostMapping("/payments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PaymentResponse> pay(Caller caller,
            @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) String idempotencyKey,
            @Valid @RequestBody PaymentRequest request) {
        return payments.pay(caller, idempotencyKey.strip(), new TakePayments.PaymentRequest(request.clientId(),
                        request.amount(), request.method(), request.cardToken()))
                .map(TakePayments.Taken::payment)
                .flatMap(payment -> payment.status() == Payment.Status.DECLINED
                        ? Mono.error(declined(payment)) : Mono.just(PaymentResponse.of(payment)));
    }

    @PostMapping("/payments/{id}/refund")
    Mono<PaymentResponse> refund(Caller caller, @PathVariable UUID id) {
        return payments.refund(caller, id).map(PaymentResponse::of);
    }

    private static PaymentDeclinedException declined(Payment payment) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("paymentId", payment.id());
        recorded.put("confirmationNumber", payment.confirmationNumber());
        recorded.put("paymentStatus", payment.status().name());
        return new PaymentDeclinedException(payment.declineReason(), recorded);
    }

    record FeeRequest(@NotNull BigDecimal fee) {
    }

    record ChargeRequest(@NotNull UUID clientId,
            @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a five-digit CPT code") String serviceCode,
            BigDecimal amount, @NotNull LocalDate serviceDate, UUID sessionId, UUID providerId) {
    }

    record PaymentRequest(@NotNull BigDecimal amount, @NotNull Payment.Method method, UUID clientId,
            @Size(max = 100) String cardToken) {
    }

    record ServiceCodeResponse(String code, String description, int minutes, String fee) {

        static ServiceCodeResponse of(ServiceCode code) {
            return new ServiceCodeResponse(code.code(), code.description(), code.minutes(), code.fee().toPlainString());
        }
    }

    record BalanceResponse(UUID clientId, String totalCharges, String totalPayments, String balance, String currency) {

        static BalanceResponse of(ReadLedger.Balance balance) {
            return new BalanceResponse(balance.clientId(), balance.totalCharges().toPlainString(),
                    balance.totalPayments().toPlainString(), balance.balance().toPlainString(), balance.currency());
        }
    }

    record ChargeResponse(UUID id, UUID clientId, UUID sessionId, UUID providerId, String kind, String serviceCode, String description,
            String amount, String currency, LocalDate serviceDate, String modifier, String placeOfService,
            String status, Instant createdAt) {

        static ChargeResponse of(Charge charge) {
            return new ChargeResponse(charge.id(), charge.clientId(), charge.sessionId(), charge.providerId(),
                    charge.kind().name(),
                    charge.serviceCode(), charge.description(), charge.amount().toPlainString(), charge.currency(),
                    charge.serviceDate(), charge.modifier(), charge.placeOfService(), "POSTED", charge.createdAt());
        }
    }

    record PaymentResponse(UUID id, UUID clientId, String amount, String currency, Payment.Method method,
            String confirmationNumber, Instant receivedAt, Payment.Status status) {

        static PaymentResponse of(Payment payment) {
            return new PaymentResponse(payment.id(), payment.clientId(), payment.amount().toPlainString(),
                    payment.currency(), payment.method(), payment.confirmationNumber(), payment.receivedAt(),
                    payment.status());
        }
    }
}
