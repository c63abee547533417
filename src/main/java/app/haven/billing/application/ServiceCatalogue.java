package app.haven.billing.application;

import java.math.BigDecimal;
import java.time.Clock;

import org.springframework.stereotype.Service;

import app.haven.billing.application.port.out.Ledger;
import app.haven.billing.domain.Money;
import app.haven.billing.domain.ServiceCode;
import app.haven.shared.Caller;
import app.haven.shared.ForbiddenException;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The CPT codes the practice bills and their fees; administrators set the fees for future charges. */
@Service
public class ServiceCatalogue {

    private final Ledger ledger;
    private final Clock clock;

    ServiceCatalogue(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public Flux<ServiceCode> list() {
        return ledger.serviceCodes();
    }

    /** The new fee applies to charges made from now on; charges already made keep theirs. */
    public Mono<ServiceCode> changeFee(Caller caller, String code, BigDecimal fee) {
        if (caller.role() != Role.ADMIN) {
            return Mono.error(new ForbiddenException("Only administrators set fees"));
        }
        BigDecimal checked = fee.signum() == 0 ? Money.ZERO : Money.positive("fee", fee);
        return ledger.serviceCode(code)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Service code")))
                .map(found -> found.withFee(checked))
                .flatMap(changed -> ledger.saveServiceCode(changed, clock.instant()).thenReturn(changed));
    }
}
