package app.haven.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a client hands their insurer to be reimbursed for the month's services: the practice, the
 * client, the rendering providers, the diagnoses, and one line per service with its CPT code,
 * modifiers, place of service, units, amount and whether it is paid. Fees for late cancellations
 * and no-shows are not services and stay on the statement only.
 * <p>
 * An insurer refuses a superbill that lacks any of these, so {@link #missingFields()} names each
 * one that is missing, and the superbill counts as issued only when that list is empty.
 */
public record Superbill(Practice practice, Patient client, List<ProviderLine> providers, List<String> diagnoses,
        List<Line> lines, List<String> missingFields) {

    public Superbill {
        providers = List.copyOf(providers);
        diagnoses = List.copyOf(diagnoses);
        lines = List.copyOf(lines);
        missingFields = List.copyOf(missingFields);
    }

    /** The superbill of the statement's services; {@code providers} are those who rendered them. */
    public static Superbill of(Statement statement, Practice practice, Patient client, List<ProviderLine> providers,
            List<String> diagnoses) {
        Map<UUID, Statement.PaidStatus> paid = statement.paidStatus();
        List<Line> lines = statement.charges().stream().filter(Charge::billable)
                .map(charge -> new Line(charge.id(), charge.serviceDate(), charge.serviceCode(), charge.description(),
                        charge.modifier() == null ? List.of() : List.of(charge.modifier()),
                        charge.placeOfService(), 1, charge.amount(), charge.providerId(), paid.get(charge.id())))
                .toList();
        return new Superbill(practice, client, providers, diagnoses, lines,
                missing(practice, client, providers, diagnoses, lines));
    }

    public boolean complete() {
        return missingFields.isEmpty();
    }

    public BigDecimal total() {
        return lines.stream().map(Line::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    private static List<String> missing(Practice practice, Patient client, List<ProviderLine> providers,
            List<String> diagnoses, List<Line> lines) {
        List<String> missing = new ArrayList<>();
        require(missing, "practice.name", practice.name());
        require(missing, "practice.taxId", practice.taxId());
        requireAddress(missing, "practice.address", practice.address());
        require(missing, "client.name", client.name());
        require(missing, "client.dateOfBirth", client.dateOfBirth());
        requireAddress(missing, "client.address", client.address());
        if (diagnoses.isEmpty()) {
            missing.add("diagnoses");
        }
        if (lines.isEmpty()) {
            missing.add("lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).providerId() == null) {
                missing.add("lines[" + i + "].provider");
            }
        }
        for (int i = 0; i < providers.size(); i++) {
            ProviderLine provider = providers.get(i);
            require(missing, "providers[" + i + "].name", provider.name());
            require(missing, "providers[" + i + "].credentials", provider.credentials());
            require(missing, "providers[" + i + "].npi", provider.npi());
        }
        return missing;
    }

    private static void requireAddress(List<String> missing, String field, Address address) {
        Address given = address == null ? new Address(null, null, null, null, null, null) : address;
        require(missing, field + ".line1", given.line1());
        require(missing, field + ".city", given.city());
        require(missing, field + ".region", given.region());
        require(missing, field + ".postalCode", given.postalCode());
    }

    private static void require(List<String> missing, String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            missing.add(field);
        }
    }

    public record Practice(String name, String taxId, String phone, Address address) {
    }

    public record Patient(UUID id, String name, LocalDate dateOfBirth, Address address) {
    }

    public record ProviderLine(UUID id, String name, String credentials, String npi) {
    }

    public record Address(String line1, String line2, String city, String region, String postalCode,
            String country) {
    }

    public record Line(UUID chargeId, LocalDate serviceDate, String serviceCode, String description,
            List<String> modifiers, String placeOfService, int units, BigDecimal amount, UUID providerId,
            Statement.PaidStatus paidStatus) {
    }
}
