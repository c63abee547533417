package app.haven.billing.adapter.out.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import app.haven.billing.application.port.out.Ledger;
import app.haven.billing.domain.Charge;
import app.haven.billing.domain.Payment;
import app.haven.billing.domain.Provider;
import app.haven.billing.domain.Refund;
import app.haven.billing.domain.ServiceCode;
import app.haven.billing.domain.Totals;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The ledger in the relational store; every amount is NUMERIC(10, 2) read as {@link BigDecimal}. */
@Repository
class R2dbcLedger implements Ledger {

    private static final String CHARGE_COLUMNS = """
            id, client_id, session_id, source_key, kind, service_code, description, amount, currency, service_date,
            modifier, place_of_service, created_by, created_at, provider_id""";
    private static final String PAYMENT_COLUMNS = """
            id, client_id, amount, currency, method, status, confirmation_number, gateway_reference, decline_reason,
            received_by, received_at""";

    private final DatabaseClient database;

    R2dbcLedger(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<ServiceCode> serviceCodes() {
        return database.sql("SELECT code, description, minutes, fee FROM billing_service_codes ORDER BY code")
                .map(R2dbcLedger::serviceCodeOf).all();
    }

    @Override
    public Mono<ServiceCode> serviceCode(String code) {
        return database.sql("SELECT code, description, minutes, fee FROM billing_service_codes WHERE code = :code")
                .bind("code", code).map(R2dbcLedger::serviceCodeOf).one();
    }

    @Override
    public Mono<Void> saveServiceCode(ServiceCode code, Instant now) {
        return database.sql("UPDATE billing_service_codes SET fee = :fee, updated_at = :now WHERE code = :code")
                .bind("fee", code.fee()).bind("now", utc(now)).bind("code", code.code()).then();
    }

    @Override
    public Mono<Void> addCharge(Charge charge) {
        GenericExecuteSpec insert = database.sql("INSERT INTO billing_charges (" + CHARGE_COLUMNS + """
                ) VALUES (:id, :clientId, :sessionId, :sourceKey, :kind, :serviceCode, :description, :amount, :currency,
                    :serviceDate, :modifier, :placeOfService, :createdBy, :createdAt, :providerId)""")
                .bind("id", charge.id())
                .bind("clientId", charge.clientId())
                .bind("kind", charge.kind().name())
                .bind("description", charge.description())
                .bind("amount", charge.amount())
                .bind("currency", charge.currency())
                .bind("serviceDate", charge.serviceDate())
                .bind("createdAt", utc(charge.createdAt()));
        insert = nullable(insert, "sessionId", charge.sessionId(), UUID.class);
        insert = nullable(insert, "sourceKey", charge.sourceKey(), String.class);
        insert = nullable(insert, "serviceCode", charge.serviceCode(), String.class);
        insert = nullable(insert, "modifier", charge.modifier(), String.class);
        insert = nullable(insert, "placeOfService", charge.placeOfService(), String.class);
        insert = nullable(insert, "createdBy", charge.createdBy(), UUID.class);
        insert = nullable(insert, "providerId", charge.providerId(), UUID.class);
        // only the unique source key makes a failure mean 'charged before'; any other violation is a fault
        return insert.then().onErrorMap(DuplicateKeyException.class,
                failure -> charge.sourceKey() != null ? new AlreadyCharged(failure) : failure);
    }

    @Override
    public Flux<Charge> charges(UUID clientId, LocalDate from, LocalDate to, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + CHARGE_COLUMNS + " FROM billing_charges WHERE client_id = :clientId");
        if (from != null) {
            sql.append(" AND service_date >= :from");
        }
        if (to != null) {
            sql.append(" AND service_date <= :to");
        }
        if (after != null) {
            sql.append(" AND (created_at > :afterAt OR (created_at = :afterAt AND id > :afterId))");
        }
        GenericExecuteSpec select = database.sql(sql + " ORDER BY created_at, id FETCH FIRST " + limit + " ROWS ONLY")
                .bind("clientId", clientId);
        if (from != null) {
            select = select.bind("from", from);
        }
        if (to != null) {
            select = select.bind("to", to);
        }
        if (after != null) {
            select = select.bind("afterAt", utc(after.at())).bind("afterId", after.id());
        }
        return select.map(R2dbcLedger::chargeOf).all();
    }

    @Override
    public Mono<Void> openAccount(UUID clientId, Instant now) {
        return database.sql("""
                INSERT INTO billing_accounts (client_id, created_at)
                SELECT :clientId, :now WHERE NOT EXISTS (SELECT 1 FROM billing_accounts WHERE client_id = :clientId)""")
                .bind("clientId", clientId).bind("now", utc(now)).then()
                // another request opened it at the same moment
                .onErrorResume(DataIntegrityViolationException.class, opened -> Mono.empty());
    }

    @Override
    public Mono<Void> lockAccount(UUID clientId) {
        return database.sql("SELECT client_id FROM billing_accounts WHERE client_id = :clientId FOR UPDATE")
                .bind("clientId", clientId).map(row -> true).one().then();
    }

    @Override
    public Mono<Totals> totals(UUID clientId) {
        return totals(clientId, "", "", null, null);
    }

    @Override
    public Mono<Totals> totalsBefore(UUID clientId, LocalDate day, Instant at) {
        return totals(clientId, " AND service_date < :day", " AND %s < :at", day, at);
    }

    private Mono<Totals> totals(UUID clientId, String chargeBound, String moneyBound, LocalDate day, Instant at) {
        GenericExecuteSpec select = database.sql("""
                SELECT (SELECT COALESCE(SUM(amount), 0) FROM billing_charges WHERE client_id = :clientId%s) AS charges,
                       (SELECT COALESCE(SUM(amount), 0) FROM billing_payments
                         WHERE client_id = :clientId AND status IN ('COMPLETED', 'REFUNDED')%s) AS payments,
                       (SELECT COALESCE(SUM(amount), 0) FROM billing_refunds WHERE client_id = :clientId%s) AS refunds"""
                        .formatted(chargeBound, moneyBound.formatted("received_at"), moneyBound.formatted("refunded_at")))
                .bind("clientId", clientId);
        if (day != null) {
            select = select.bind("day", day).bind("at", utc(at));
        }
        return select.map(row -> new Totals(amount(row, "charges"), amount(row, "payments"), amount(row, "refunds")))
                .one();
    }

    @Override
    public Flux<Charge> chargesDated(UUID clientId, LocalDate from, LocalDate to) {
        return database.sql("SELECT " + CHARGE_COLUMNS + " FROM billing_charges"
                        + " WHERE client_id = :clientId AND service_date >= :from AND service_date <= :to"
                        + " ORDER BY service_date, created_at, id")
                .bind("clientId", clientId).bind("from", from).bind("to", to)
                .map(R2dbcLedger::chargeOf).all();
    }

    @Override
    public Flux<Payment> paymentsReceived(UUID clientId, Instant from, Instant to) {
        return database.sql("SELECT " + PAYMENT_COLUMNS + " FROM billing_payments"
                        + " WHERE client_id = :clientId AND status IN ('COMPLETED', 'REFUNDED')"
                        + " AND received_at >= :from AND received_at < :to ORDER BY received_at, id")
                .bind("clientId", clientId).bind("from", utc(from)).bind("to", utc(to))
                .map(R2dbcLedger::paymentOf).all();
    }

    @Override
    public Flux<Refund> refundsMade(UUID clientId, Instant from, Instant to) {
        return database.sql("""
                SELECT id, payment_id, amount, refunded_at FROM billing_refunds
                WHERE client_id = :clientId AND refunded_at >= :from AND refunded_at < :to ORDER BY refunded_at, id""")
                .bind("clientId", clientId).bind("from", utc(from)).bind("to", utc(to))
                .map(row -> new Refund(row.get("id", UUID.class), row.get("payment_id", UUID.class),
                        row.get("amount", BigDecimal.class), instant(row.get("refunded_at", OffsetDateTime.class))))
                .all();
    }

    @Override
    public Mono<Provider> provider(UUID therapistId) {
        return providers(List.of(therapistId)).next();
    }

    @Override
    public Flux<Provider> providers(Collection<UUID> therapistIds) {
        if (therapistIds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("""
                SELECT therapist_id, credentials, npi, updated_by, updated_at FROM billing_providers
                WHERE therapist_id IN (:ids)""")
                .bind("ids", List.copyOf(therapistIds))
                .map(row -> new Provider(row.get("therapist_id", UUID.class), row.get("credentials", String.class),
                        row.get("npi", String.class), row.get("updated_by", UUID.class),
                        instant(row.get("updated_at", OffsetDateTime.class))))
                .all();
    }

    @Override
    public Mono<Void> saveProvider(Provider provider) {
        GenericExecuteSpec insert = database.sql("""
                INSERT INTO billing_providers (therapist_id, credentials, npi, updated_by, updated_at)
                SELECT :id, :credentials, :npi, :by, :at
                WHERE NOT EXISTS (SELECT 1 FROM billing_providers WHERE therapist_id = :id)""");
        GenericExecuteSpec update = database.sql("""
                UPDATE billing_providers SET credentials = :credentials, npi = :npi, updated_by = :by, updated_at = :at
                WHERE therapist_id = :id""");
        return providerValues(insert, provider).fetch().rowsUpdated()
                // someone else added the row at the same moment: the update below decides
                .onErrorResume(DataIntegrityViolationException.class, added -> Mono.just(0L))
                .filter(inserted -> inserted > 0)
                .switchIfEmpty(Mono.defer(() -> providerValues(update, provider).fetch().rowsUpdated()))
                .then();
    }

    private static GenericExecuteSpec providerValues(GenericExecuteSpec spec, Provider provider) {
        spec = spec.bind("id", provider.therapistId()).bind("by", provider.updatedBy()).bind("at", utc(provider.updatedAt()));
        spec = nullable(spec, "credentials", provider.credentials(), String.class);
        return nullable(spec, "npi", provider.npi(), String.class);
    }

    @Override
    public Mono<Void> addPayment(Payment payment) {
        GenericExecuteSpec insert = database.sql("INSERT INTO billing_payments (" + PAYMENT_COLUMNS + """
                ) VALUES (:id, :clientId, :amount, :currency, :method, :status, :confirmationNumber, :gatewayReference,
                    :declineReason, :receivedBy, :receivedAt)""")
                .bind("id", payment.id())
                .bind("clientId", payment.clientId())
                .bind("amount", payment.amount())
                .bind("currency", payment.currency())
                .bind("method", payment.method().name())
                .bind("status", payment.status().name())
                .bind("confirmationNumber", payment.confirmationNumber())
                .bind("receivedBy", payment.receivedBy())
                .bind("receivedAt", utc(payment.receivedAt()));
        insert = nullable(insert, "gatewayReference", payment.gatewayReference(), String.class);
        return nullable(insert, "declineReason", payment.declineReason(), String.class).then();
    }

    @Override
    public Mono<Payment> lockPayment(UUID paymentId) {
        return database.sql("SELECT " + PAYMENT_COLUMNS + " FROM billing_payments WHERE id = :id FOR UPDATE")
                .bind("id", paymentId).map(R2dbcLedger::paymentOf).one();
    }

    @Override
    public Mono<Void> markRefunded(Payment payment, UUID refundedBy, Instant now) {
        return database.sql("UPDATE billing_payments SET status = :status WHERE id = :id")
                .bind("status", payment.status().name()).bind("id", payment.id()).then()
                .then(database.sql("""
                        INSERT INTO billing_refunds (id, payment_id, client_id, amount, refunded_by, refunded_at)
                        VALUES (:id, :paymentId, :clientId, :amount, :refundedBy, :refundedAt)""")
                        .bind("id", UUID.randomUUID())
                        .bind("paymentId", payment.id())
                        .bind("clientId", payment.clientId())
                        .bind("amount", payment.amount())
                        .bind("refundedBy", refundedBy)
                        .bind("refundedAt", utc(now))
                        .then());
    }

    @Override
    public Flux<Payment> payments(UUID clientId, Position after, int limit) {
        String position = after == null ? "" : " AND (received_at > :afterAt OR (received_at = :afterAt AND id > :afterId))";
        GenericExecuteSpec select = database.sql("SELECT " + PAYMENT_COLUMNS + " FROM billing_payments"
                        + " WHERE client_id = :clientId" + position
                        + " ORDER BY received_at, id FETCH FIRST " + limit + " ROWS ONLY")
                .bind("clientId", clientId);
        if (after != null) {
            select = select.bind("afterAt", utc(after.at())).bind("afterId", after.id());
        }
        return select.map(R2dbcLedger::paymentOf).all();
    }

    @Override
    public Mono<KeyedPayment> paymentForKey(UUID callerId, String key) {
        return database.sql("SELECT k.request_hash, " + prefixed("p.", PAYMENT_COLUMNS)
                        + " FROM billing_idempotency_keys k JOIN billing_payments p ON p.id = k.payment_id"
                        + " WHERE k.caller_id = :callerId AND k.idempotency_key = :key")
                .bind("callerId", callerId).bind("key", key)
                .map(row -> new KeyedPayment(row.get("request_hash", String.class), paymentOf(row)))
                .one();
    }

    @Override
    public Mono<Void> rememberKey(UUID callerId, String key, String requestHash, UUID paymentId, Instant now) {
        return database.sql("""
                INSERT INTO billing_idempotency_keys (caller_id, idempotency_key, request_hash, payment_id, created_at)
                VALUES (:callerId, :key, :requestHash, :paymentId, :now)""")
                .bind("callerId", callerId).bind("key", key).bind("requestHash", requestHash)
                .bind("paymentId", paymentId).bind("now", utc(now)).then();
    }

    private static String prefixed(String prefix, String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(","))
                .map(column -> prefix + column.strip()).toList());
    }

    private static ServiceCode serviceCodeOf(Readable row) {
        return new ServiceCode(row.get("code", String.class), row.get("description", String.class),
                row.get("minutes", Integer.class), row.get("fee", BigDecimal.class));
    }

    private static Charge chargeOf(Readable row) {
        return new Charge(row.get("id", UUID.class), row.get("client_id", UUID.class), row.get("session_id", UUID.class),
                row.get("provider_id", UUID.class), row.get("source_key", String.class), Charge.Kind.valueOf(row.get("kind", String.class)),
                row.get("service_code", String.class), row.get("description", String.class),
                row.get("amount", BigDecimal.class), row.get("currency", String.class),
                row.get("service_date", LocalDate.class), row.get("modifier", String.class),
                row.get("place_of_service", String.class), row.get("created_by", UUID.class),
                instant(row.get("created_at", OffsetDateTime.class)));
    }

    private static Payment paymentOf(Readable row) {
        return new Payment(row.get("id", UUID.class), row.get("client_id", UUID.class),
                row.get("amount", BigDecimal.class), row.get("currency", String.class),
                Payment.Method.valueOf(row.get("method", String.class)),
                Payment.Status.valueOf(row.get("status", String.class)), row.get("confirmation_number", String.class),
                row.get("gateway_reference", String.class), row.get("decline_reason", String.class),
                row.get("received_by", UUID.class), instant(row.get("received_at", OffsetDateTime.class)));
    }

    private static BigDecimal amount(Readable row, String column) {
        BigDecimal value = row.get(column, BigDecimal.class);
        return (value == null ? BigDecimal.ZERO : value).setScale(2);
    }

    private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
