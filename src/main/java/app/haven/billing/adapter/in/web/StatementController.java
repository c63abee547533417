package app.haven.billing.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.haven.billing.application.BillingProperties;
import app.haven.billing.application.IssueStatements;
import app.haven.billing.application.ProviderDetails;
import app.haven.billing.domain.Provider;
import app.haven.billing.domain.Refund;
import app.haven.billing.domain.Statement;
import app.haven.billing.domain.Superbill;
import app.haven.shared.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Monthly statements with their superbill, as JSON or (with {@code Accept: application/pdf}) as a
 * PDF of the same figures; and the therapists' billing details a superbill prints.
 */
@RestController
@RequestMapping("/api/v1/billing")
class StatementController {

    private final IssueStatements statements;
    private final ProviderDetails providers;
    private final BillingProperties properties;

    StatementController(IssueStatements statements, ProviderDetails providers, BillingProperties properties) {
        this.statements = statements;
        this.providers = providers;
        this.properties = properties;
    }

    @GetMapping(value = "/statements/{yearMonth}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<StatementResponse> statement(Caller caller, @PathVariable String yearMonth,
            @RequestParam(required = false) UUID clientId) {
        return statements.statement(caller, clientId, yearMonth).map(StatementResponse::of);
    }

    @GetMapping(value = "/statements/{yearMonth}", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<byte[]>> statementPdf(Caller caller, @PathVariable String yearMonth,
            @RequestParam(required = false) UUID clientId) {
        return statements.statement(caller, clientId, yearMonth)
                // laying out a PDF is CPU work with font metrics read from the classpath: off the event loop
                .publishOn(Schedulers.boundedElastic())
                .map(issued -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .cacheControl(CacheControl.noStore().cachePrivate())
                        .header("Content-Disposition", ContentDisposition.attachment()
                                .filename("statement-" + issued.statement().month() + ".pdf").build().toString())
                        .body(StatementPdf.render(issued, properties.zone())));
    }

    @GetMapping("/providers/{therapistId}")
    Mono<ProviderResponse> provider(Caller caller, @PathVariable UUID therapistId) {
        return providers.read(caller, therapistId).map(ProviderResponse::of);
    }

    @PutMapping("/providers/{therapistId}")
    Mono<ProviderResponse> changeProvider(Caller caller, @PathVariable UUID therapistId,
            @Valid @RequestBody ProviderRequest request) {
        return providers.change(caller, therapistId, request.credentials(), request.npi()).map(ProviderResponse::of);
    }

    record ProviderRequest(@Size(max = Provider.MAX_CREDENTIALS) String credentials, @Size(max = 10) String npi) {
    }

    record ProviderResponse(UUID therapistId, String credentials, String npi, Instant updatedAt) {

        static ProviderResponse of(Provider provider) {
            return new ProviderResponse(provider.therapistId(), provider.credentials(), provider.npi(),
                    provider.updatedAt());
        }
    }

    record StatementResponse(UUID clientId, String yearMonth, LocalDate from, LocalDate to, String currency,
            String openingBalance, List<BillingController.ChargeResponse> charges,
            List<BillingController.PaymentResponse> payments, List<RefundResponse> refunds, String totalCharges,
            String totalPayments, String totalRefunds, String closingBalance, SuperbillResponse superbill) {

        static StatementResponse of(IssueStatements.Issued issued) {
            Statement statement = issued.statement();
            return new StatementResponse(statement.clientId(), statement.month().toString(), statement.from(),
                    statement.to(), statement.currency(), text(statement.openingBalance()),
                    statement.charges().stream().map(BillingController.ChargeResponse::of).toList(),
                    statement.payments().stream().map(BillingController.PaymentResponse::of).toList(),
                    statement.refunds().stream().map(RefundResponse::of).toList(), text(statement.totalCharges()),
                    text(statement.totalPayments()), text(statement.totalRefunds()), text(statement.closingBalance()),
                    SuperbillResponse.of(issued.superbill()));
        }
    }

    record RefundResponse(UUID id, UUID paymentId, String amount, Instant refundedAt) {

        static RefundResponse of(Refund refund) {
            return new RefundResponse(refund.id(), refund.paymentId(), text(refund.amount()), refund.refundedAt());
        }
    }

    record SuperbillResponse(boolean complete, List<String> missingFields, Superbill.Practice practice,
            Superbill.Patient client, List<Superbill.ProviderLine> providers, List<String> diagnoses,
            List<LineResponse> lines, String total) {

        static SuperbillResponse of(Superbill superbill) {
            return new SuperbillResponse(superbill.complete(), superbill.missingFields(), superbill.practice(),
                    superbill.client(), superbill.providers(), superbill.diagnoses(),
                    superbill.lines().stream().map(LineResponse::of).toList(), text(superbill.total()));
        }
    }

    record LineResponse(UUID chargeId, LocalDate serviceDate, String serviceCode, String description,
            List<String> modifiers, String placeOfService, int units, String amount, UUID providerId,
            Statement.PaidStatus paidStatus) {

        static LineResponse of(Superbill.Line line) {
            return new LineResponse(line.chargeId(), line.serviceDate(), line.serviceCode(), line.description(),
                    line.modifiers(), line.placeOfService(), line.units(), text(line.amount()), line.providerId(),
                    line.paidStatus());
        }
    }

    private static String text(BigDecimal amount) {
        return amount.toPlainString();
    }
}
