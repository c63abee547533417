package app.haven.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.haven.shared.InvalidInputException;

class StatementTest {

    private static final UUID CLIENT = UUID.randomUUID();
    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final ServiceCode PSYCHOTHERAPY = new ServiceCode("90834", "Psychotherapy, 45 minutes", 45,
            new BigDecimal("140.00"));

    @Test
    void theClosingBalanceIsTheOpeningPlusChargesLessPaymentsPlusRefunds() {
        Payment payment = payment("100.00");
        Statement statement = Statement.of(CLIENT, MONTH, "USD", totals("60.00", "20.00", "0.00"),
                List.of(session(3), session(10)), List.of(payment),
                List.of(new Refund(UUID.randomUUID(), payment.id(), new BigDecimal("30.00"), Instant.now())));

        assertThat(statement.openingBalance()).isEqualByComparingTo("40.00");
        assertThat(statement.totalCharges()).isEqualByComparingTo("280.00");
        assertThat(statement.closingBalance()).isEqualByComparingTo("250.00");
    }

    @Test
    void paymentsSettleTheOldestChargesFirst() {
        Charge first = session(3);
        Charge second = session(10);
        Charge third = session(20);
        // 40.00 owed from before; 250.00 paid in all: 40 for the old, 140 for the first, 70 of the second
        Statement statement = Statement.of(CLIENT, MONTH, "USD", totals("40.00", "0.00", "0.00"),
                List.of(third, first, second), List.of(payment("250.00")), List.of());

        assertThat(statement.charges()).containsExactly(first, second, third);
        assertThat(statement.paidStatus()).containsEntry(first.id(), Statement.PaidStatus.PAID)
                .containsEntry(second.id(), Statement.PaidStatus.PARTIALLY_PAID)
                .containsEntry(third.id(), Statement.PaidStatus.UNPAID);
    }

    @Test
    void aSuperbillNamesEveryMissingFieldAndLeavesOutFeesThatAreNotServices() {
        Charge service = session(3);
        Charge noShow = Charge.fee(Charge.Kind.NO_SHOW, UUID.randomUUID(), CLIENT, null, new BigDecimal("75.00"),
                MONTH.atDay(5), "USD", Instant.now());
        Statement statement = Statement.of(CLIENT, MONTH, "USD", totals("0", "0", "0"), List.of(service, noShow),
                List.of(), List.of());
        Superbill.Address address = new Superbill.Address("1 Main St", null, "Portland", "ME", "04101", "US");

        Superbill superbill = Superbill.of(statement, new Superbill.Practice("Harbour", null, null, address),
                new Superbill.Patient(CLIENT, "Ada Client", LocalDate.of(1990, 1, 1), address),
                List.of(new Superbill.ProviderLine(service.providerId(), "Tom Therapist", "LCSW", null)),
                List.of("F41.1"));

        assertThat(superbill.lines()).extracting(Superbill.Line::chargeId).containsExactly(service.id());
        assertThat(superbill.missingFields()).containsExactly("practice.taxId", "providers[0].npi");
        assertThat(superbill.complete()).isFalse();
    }

    @Test
    void anNpiMustCarryItsCheckDigit() {
        assertThat(new Npi("1234567893").value()).isEqualTo("1234567893");
        assertThatThrownBy(() -> new Npi("1234567890")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Npi("123456789")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Npi("12345678ab")).isInstanceOf(InvalidInputException.class);
    }

    private static Charge session(int day) {
        return Charge.forSession(UUID.randomUUID(), CLIENT, UUID.randomUUID(), PSYCHOTHERAPY, false, MONTH.atDay(day),
                "USD", Instant.now());
    }

    private static Payment payment(String amount) {
        return new Payment(UUID.randomUUID(), CLIENT, new BigDecimal(amount), "USD", Payment.Method.CASH,
                Payment.Status.COMPLETED, "HV-AAAA-BBBB", null, null, UUID.randomUUID(), Instant.now());
    }

    private static Totals totals(String charges, String payments, String refunds) {
        return new Totals(new BigDecimal(charges).setScale(2), new BigDecimal(payments).setScale(2),
                new BigDecimal(refunds).setScale(2));
    }
}
