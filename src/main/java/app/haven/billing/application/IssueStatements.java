package app.haven.billing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.billing.application.port.out.Ledger;
import app.haven.billing.domain.Charge;
import app.haven.billing.domain.Provider;
import app.haven.billing.domain.Statement;
import app.haven.billing.domain.Superbill;
import app.haven.identity.AccountSummary;
import app.haven.identity.Accounts;
import app.haven.patients.ClientProfiles;
import app.haven.patients.Diagnoses;
import app.haven.shared.Caller;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/**
 * A client's monthly statement with its superbill: the ledger for the month in the practice's time
 * zone, the client's name (identity), date of birth, address and diagnosis (patients), and the
 * rendering therapists' names and billing details.
 */
@Service
public class IssueStatements {

    private final Ledger ledger;
    private final BillingProperties properties;
    private final Accounts accounts;
    private final ClientProfiles profiles;
    private final Diagnoses diagnoses;
    private final Clock clock;

    IssueStatements(Ledger ledger, BillingProperties properties, Accounts accounts, ClientProfiles profiles,
            Diagnoses diagnoses, Clock clock) {
        this.ledger = ledger;
        this.properties = properties;
        this.accounts = accounts;
        this.profiles = profiles;
        this.diagnoses = diagnoses;
        this.clock = clock;
    }

    public record Issued(Statement statement, Superbill superbill) {
    }

    public Mono<Issued> statement(Caller caller, UUID clientId, String yearMonth) {
        UUID account = BillingAccess.accountOf(caller, clientId);
        YearMonth month = month(yearMonth);
        Instant start = month.atDay(1).atStartOfDay(properties.zone()).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(properties.zone()).toInstant();
        return accounts.find(account).filter(found -> found.role() == Role.CLIENT)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Billing account")))
                .flatMap(client -> Mono.zip(ledger.totalsBefore(account, month.atDay(1), start),
                                ledger.chargesDated(account, month.atDay(1), month.atEndOfMonth()).collectList(),
                                ledger.paymentsReceived(account, start, end).collectList(),
                                ledger.refundsMade(account, start, end).collectList())
                        .map(found -> Statement.of(account, month, properties.currency(), found.getT1(), found.getT2(),
                                found.getT3(), found.getT4()))
                        .flatMap(statement -> superbill(statement, client)
                                .map(superbill -> new Issued(statement, superbill))));
    }

    private Mono<Superbill> superbill(Statement statement, AccountSummary client) {
        List<UUID> providerIds = statement.charges().stream().filter(Charge::billable).map(Charge::providerId)
                .filter(Objects::nonNull).distinct().toList();
        return Mono.zip(profiles.profileOf(client.id()).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        diagnoses.codesOf(client.id()), providers(providerIds))
                .map(found -> {
                    ClientProfiles.Profile profile = found.getT1().orElse(null);
                    Superbill.Patient patient = new Superbill.Patient(client.id(), client.fullName(),
                            profile == null ? null : profile.dateOfBirth(),
                            profile == null || profile.address() == null ? null : address(profile.address()));
                    return Superbill.of(statement, practice(), patient, found.getT3(), found.getT2());
                });
    }

    private Mono<List<Superbill.ProviderLine>> providers(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.zip(accounts.findAll(ids).collectMap(AccountSummary::id),
                        ledger.providers(ids).collectMap(Provider::therapistId))
                .map(found -> ids.stream().map(id -> {
                    AccountSummary person = found.getT1().get(id);
                    Provider details = found.getT2().getOrDefault(id, Provider.unknown(id));
                    return new Superbill.ProviderLine(id, person == null ? null : person.fullName(),
                            details.credentials(), details.npi());
                }).toList());
    }

    private Superbill.Practice practice() {
        BillingProperties.Practice practice = properties.practice();
        BillingProperties.Address address = practice.address();
        return new Superbill.Practice(practice.name(), practice.taxId(), practice.phone(),
                new Superbill.Address(address.line1(), address.line2(), address.city(), address.region(),
                        address.postalCode(), address.country()));
    }

    private static Superbill.Address address(ClientProfiles.Address address) {
        return new Superbill.Address(address.line1(), address.line2(), address.city(), address.region(),
                address.postalCode(), address.country());
    }

    private YearMonth month(String yearMonth) {
        YearMonth month;
        try {
            month = YearMonth.parse(yearMonth);
        } catch (DateTimeParseException notAMonth) {
            throw new InvalidInputException("yearMonth", "must be a month such as 2026-11");
        }
        if (month.isAfter(YearMonth.now(clock.withZone(properties.zone())))) {
            throw new InvalidInputException("yearMonth", "has not begun yet");
        }
        return month;
    }
}
