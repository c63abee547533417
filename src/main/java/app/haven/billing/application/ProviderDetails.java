package app.haven.billing.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.billing.application.port.out.Ledger;
import app.haven.billing.domain.Provider;
import app.haven.identity.Accounts;
import app.haven.shared.Caller;
import app.haven.shared.ForbiddenException;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/**
 * A therapist's billing details (credentials and NPI), kept by practice staff or by the therapist
 * themselves. Clients never see or change them here; superbills print them.
 */
@Service
public class ProviderDetails {

    private final Ledger ledger;
    private final Accounts accounts;
    private final Clock clock;

    ProviderDetails(Ledger ledger, Accounts accounts, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Mono<Provider> read(Caller caller, UUID therapistId) {
        return therapist(caller, therapistId)
                .then(ledger.provider(therapistId).defaultIfEmpty(Provider.unknown(therapistId)));
    }

    /** Replaces both details; an absent one is cleared. */
    public Mono<Provider> change(Caller caller, UUID therapistId, String credentials, String npi) {
        return therapist(caller, therapistId)
                .then(Mono.fromSupplier(() -> new Provider(therapistId, credentials, npi, caller.id(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS))))
                .flatMap(changed -> ledger.saveProvider(changed).thenReturn(changed));
    }

    private Mono<Void> therapist(Caller caller, UUID therapistId) {
        boolean staff = caller.hasRole(Role.STAFF, Role.ADMIN);
        if (!staff && !(caller.role() == Role.THERAPIST && caller.id().equals(therapistId))) {
            return Mono.error(new ForbiddenException("Only practice staff and the therapist themselves keep these"));
        }
        return accounts.find(therapistId).filter(account -> account.role() == Role.THERAPIST)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Therapist")))
                .then();
    }
}
