package app.haven.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client's month: the balance it opened with, the charges dated in it, the payments and refunds
 * received in it, and the balance it closed with. Closing = opening + charges - payments + refunds,
 * the same ledger arithmetic as the balance, so the statement of the current month closes on the
 * balance the client sees.
 *
 * @param before the ledger's totals before the month: charges dated earlier, money received earlier
 */
public record Statement(UUID clientId, YearMonth month, String currency, BigDecimal openingBalance,
        List<Charge> charges, List<Payment> payments, List<Refund> refunds, Totals before) {

    public Statement {
        charges = charges.stream()
                .sorted(Comparator.comparing(Charge::serviceDate).thenComparing(Charge::createdAt))
                .toList();
        payments = List.copyOf(payments);
        refunds = List.copyOf(refunds);
    }

    public static Statement of(UUID clientId, YearMonth month, String currency, Totals before, List<Charge> charges,
            List<Payment> payments, List<Refund> refunds) {
        return new Statement(clientId, month, currency, before.balance(), charges, payments, refunds, before);
    }

    public LocalDate from() {
        return month.atDay(1);
    }

    public LocalDate to() {
        return month.atEndOfMonth();
    }

    public BigDecimal totalCharges() {
        return sum(charges.stream().map(Charge::amount).toList());
    }

    public BigDecimal totalPayments() {
        return sum(payments.stream().map(Payment::amount).toList());
    }

    public BigDecimal totalRefunds() {
        return sum(refunds.stream().map(Refund::amount).toList());
    }

    public BigDecimal closingBalance() {
        return openingBalance.add(totalCharges()).subtract(totalPayments()).add(totalRefunds());
    }

    /**
     * Whether each of the month's charges is paid, by the oldest-first rule: what the client has
     * paid by the end of the month (net of refunds) settles earlier charges before later ones.
     */
    public Map<UUID, PaidStatus> paidStatus() {
        BigDecimal paidByClose = before.payments().subtract(before.refunds()).add(totalPayments()).subtract(totalRefunds());
        BigDecimal available = paidByClose.subtract(before.charges());
        Map<UUID, PaidStatus> status = new LinkedHashMap<>();
        for (Charge charge : charges) {
            if (available.compareTo(charge.amount()) >= 0) {
                status.put(charge.id(), PaidStatus.PAID);
            } else if (available.signum() > 0) {
                status.put(charge.id(), PaidStatus.PARTIALLY_PAID);
            } else {
                status.put(charge.id(), PaidStatus.UNPAID);
            }
            available = available.subtract(charge.amount()).max(BigDecimal.ZERO);
        }
        return status;
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(Money.ZERO, BigDecimal::add);
    }

    public enum PaidStatus { PAID, PARTIALLY_PAID, UNPAID }
}
