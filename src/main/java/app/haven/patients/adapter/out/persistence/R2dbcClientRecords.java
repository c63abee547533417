package app.haven.patients.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import app.haven.patients.application.port.out.ClientRecordStore;
import app.haven.patients.domain.Address;
import app.haven.patients.domain.ClientRecord;
import app.haven.patients.domain.ClinicalStatus;
import app.haven.patients.domain.ContactDetails;
import app.haven.patients.domain.Diagnosis;
import app.haven.patients.domain.EmergencyContact;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Client records in the relational store, emergency contacts in their own table. The panel is
 * one query over {@code patient_clients}, ordered by the indexed {@code (panel_since, client_id)}
 * and paged by keyset, with the next scheduled session looked up per row through the sessions'
 * {@code (client_id, status, starts_at)} index.
 */
@Repository
class R2dbcClientRecords implements ClientRecordStore {

    private static final String COLUMNS = """
            c.client_id, c.status, c.date_of_birth, c.phone, c.address_street, c.address_line2, c.address_city,
            c.address_region, c.address_postal_code, c.address_country, c.diagnosis, c.treatment_plan, c.planned_sessions,
            c.completed_sessions, c.therapist_id, c.assigned_at, c.panel_since, c.created_at, c.updated_at""";

    private final DatabaseClient database;

    R2dbcClientRecords(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<ClientRecord> find(UUID clientId) {
        return withContacts(database.sql("SELECT " + COLUMNS + " FROM patient_clients c WHERE c.client_id = :id"),
                clientId);
    }

    @Override
    public Mono<ClientRecord> lock(UUID clientId) {
        return withContacts(database.sql("SELECT " + COLUMNS
                + " FROM patient_clients c WHERE c.client_id = :id FOR UPDATE"), clientId);
    }

    private Mono<ClientRecord> withContacts(GenericExecuteSpec select, UUID clientId) {
        return select.bind("id", clientId).map(row -> record(row, List.of())).one()
                .flatMap(record -> contactsOf(clientId).collectList()
                        .map(contacts -> record.withContact(new ContactDetails(record.contact().dateOfBirth(),
                                record.contact().phone(), record.contact().address(), contacts), record.updatedAt())));
    }

    private Flux<EmergencyContact> contactsOf(UUID clientId) {
        return database.sql("""
                        SELECT name, relationship, phone, email FROM patient_emergency_contacts
                        WHERE client_id = :id ORDER BY position""")
                .bind("id", clientId)
                .map(row -> new EmergencyContact(row.get("name", String.class), row.get("relationship", String.class),
                        row.get("phone", String.class), row.get("email", String.class)))
                .all();
    }

    @Override
    public Mono<Boolean> addIfAbsent(ClientRecord record) {
        return database.sql("""
                        INSERT INTO patient_clients (client_id, status, diagnosis, completed_sessions, progress,
                                                     panel_since, created_at, updated_at)
                        VALUES (:id, :status, '', 0, 0, :panelSince, :createdAt, :updatedAt)
                        ON CONFLICT DO NOTHING""")
                .bind("id", record.clientId())
                .bind("status", record.status().name())
                .bind("panelSince", utc(record.panelSince()))
                .bind("createdAt", utc(record.createdAt()))
                .bind("updatedAt", utc(record.updatedAt()))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    @Override
    public Mono<Void> save(ClientRecord record) {
        ContactDetails contact = record.contact();
        Address address = contact.address() == null ? new Address(null, null, null, null, null, null) : contact.address();
        GenericExecuteSpec update = database.sql("""
                UPDATE patient_clients SET status = :status, date_of_birth = :dateOfBirth, phone = :phone,
                    address_street = :street, address_line2 = :line2, address_city = :city, address_region = :region,
                    address_postal_code = :postalCode, address_country = :country, diagnosis = :diagnosis,
                    treatment_plan = :treatmentPlan, planned_sessions = :plannedSessions,
                    completed_sessions = :completedSessions, progress = :progress, therapist_id = :therapistId,
                    assigned_at = :assignedAt, panel_since = :panelSince, updated_at = :updatedAt
                WHERE client_id = :id""")
                .bind("id", record.clientId())
                .bind("status", record.status().name())
                .bind("diagnosis", record.diagnosis().stored())
                .bind("completedSessions", record.completedSessions())
                .bind("progress", record.progress())
                .bind("panelSince", utc(record.panelSince()))
                .bind("updatedAt", utc(record.updatedAt()));
        update = bindNullable(update, "dateOfBirth", contact.dateOfBirth(), LocalDate.class);
        update = bindNullable(update, "phone", contact.phone(), String.class);
        update = bindNullable(update, "street", address.street(), String.class);
        update = bindNullable(update, "line2", address.line2(), String.class);
        update = bindNullable(update, "city", address.city(), String.class);
        update = bindNullable(update, "region", address.region(), String.class);
        update = bindNullable(update, "postalCode", address.postalCode(), String.class);
        update = bindNullable(update, "country", address.country(), String.class);
        update = bindNullable(update, "treatmentPlan", record.treatmentPlan(), String.class);
        update = bindNullable(update, "plannedSessions", record.plannedSessions(), Integer.class);
        update = bindNullable(update, "therapistId", record.therapistId(), UUID.class);
        update = bindNullable(update, "assignedAt", record.assignedAt() == null ? null : utc(record.assignedAt()),
                OffsetDateTime.class);
        return update.then().then(replaceContacts(record.clientId(), contact.emergencyContacts()));
    }

    private Mono<Void> replaceContacts(UUID clientId, List<EmergencyContact> contacts) {
        Mono<Void> cleared = database.sql("DELETE FROM patient_emergency_contacts WHERE client_id = :id")
                .bind("id", clientId).then();
        return cleared.thenMany(Flux.range(0, contacts.size()))
                .concatMap(position -> database.sql("""
                                INSERT INTO patient_emergency_contacts (client_id, position, name, relationship, phone,
                                                                        email)
                                VALUES (:id, :position, :name, :relationship, :phone, :email)""")
                        .bind("id", clientId)
                        .bind("position", position)
                        .bind("name", contacts.get(position).name())
                        .bind("relationship", contacts.get(position).relationship())
                        .bind("phone", contacts.get(position).phone())
                        .bind("email", Parameters.in(R2dbcType.VARCHAR, contacts.get(position).email()))
                        .then())
                .then();
    }

    @Override
    public Flux<UUID> idsIn(UUID therapistId) {
        GenericExecuteSpec select = therapistId == null
                ? database.sql("SELECT client_id FROM patient_clients")
                : database.sql("SELECT client_id FROM patient_clients WHERE therapist_id = :therapistId")
                        .bind("therapistId", therapistId);
        return select.map(row -> row.get("client_id", UUID.class)).all();
    }

    @Override
    public Flux<PanelRow> panel(PanelFilter filter, PanelPosition after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("now", utc(filter.now()));
        if (filter.therapistId() != null) {
            where.add("c.therapist_id = :therapistId");
            binds.put("therapistId", filter.therapistId());
        }
        if (filter.onlyClients() != null) {
            where.add("c.client_id IN (:only)");
            binds.put("only", List.copyOf(filter.onlyClients()));
        }
        if (!filter.excludedClients().isEmpty()) {
            where.add("c.client_id NOT IN (:excluded)");
            binds.put("excluded", List.copyOf(filter.excludedClients()));
        }
        if (filter.status() != null) {
            where.add("c.status = :status");
            binds.put("status", filter.status().name());
        }
        if (filter.diagnosisPrefix() != null) {
            // codes are stored comma-separated; a leading comma makes every code's start findable
            where.add("(',' || c.diagnosis) LIKE :diagnosis");
            binds.put("diagnosis", "%," + filter.diagnosisPrefix() + "%");
        }
        if (filter.progressMin() != null) {
            where.add("c.progress >= :progressMin");
            binds.put("progressMin", filter.progressMin());
        }
        if (filter.progressMax() != null) {
            where.add("c.progress <= :progressMax");
            binds.put("progressMax", filter.progressMax());
        }
        if (filter.assignedFrom() != null) {
            where.add("c.assigned_at >= :assignedFrom");
            binds.put("assignedFrom", utc(filter.assignedFrom()));
        }
        if (filter.assignedTo() != null) {
            where.add("c.assigned_at <= :assignedTo");
            binds.put("assignedTo", utc(filter.assignedTo()));
        }
        if (filter.hasUpcomingSession() != null) {
            where.add((filter.hasUpcomingSession() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM patient_sessions u"
                    + " WHERE u.client_id = c.client_id AND u.status = 'SCHEDULED' AND u.starts_at >= :now)");
        }
        if (after != null) {
            where.add("(c.panel_since < :afterSince OR (c.panel_since = :afterSince AND c.client_id < :afterId))");
            binds.put("afterSince", utc(after.panelSince()));
            binds.put("afterId", after.clientId());
        }
        String sql = "SELECT " + COLUMNS + """
                , (SELECT MIN(s.starts_at) FROM patient_sessions s
                   WHERE s.client_id = c.client_id AND s.status = 'SCHEDULED' AND s.starts_at >= :now) AS next_session_at
                FROM patient_clients c
                %s
                ORDER BY c.panel_since DESC, c.client_id DESC
                FETCH FIRST %d ROWS ONLY""".formatted(where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where),
                limit);
        GenericExecuteSpec select = database.sql(sql);
        for (var bind : binds.entrySet()) {
            select = select.bind(bind.getKey(), bind.getValue());
        }
        return select.map(row -> new PanelRow(record(row, List.of()),
                instant(row.get("next_session_at", OffsetDateTime.class)))).all();
    }

    @Override
    public Mono<Map<ClinicalStatus, Long>> countByStatus(UUID therapistId) {
        GenericExecuteSpec select = therapistId == null
                ? database.sql("SELECT status, COUNT(*) AS n FROM patient_clients GROUP BY status")
                : database.sql("SELECT status, COUNT(*) AS n FROM patient_clients WHERE therapist_id = :therapistId"
                        + " GROUP BY status").bind("therapistId", therapistId);
        return select.map(row -> Map.entry(ClinicalStatus.valueOf(row.get("status", String.class)),
                        row.get("n", Long.class)))
                .all()
                .collect(() -> new EnumMap<ClinicalStatus, Long>(ClinicalStatus.class),
                        (counts, entry) -> counts.put(entry.getKey(), entry.getValue()))
                .map(counts -> (Map<ClinicalStatus, Long>) counts);
    }

    private static ClientRecord record(Readable row, List<EmergencyContact> contacts) {
        Address address = new Address(row.get("address_street", String.class), row.get("address_line2", String.class),
                row.get("address_city", String.class),
                row.get("address_region", String.class), row.get("address_postal_code", String.class),
                row.get("address_country", String.class));
        ContactDetails contact = new ContactDetails(row.get("date_of_birth", LocalDate.class),
                row.get("phone", String.class), address, contacts);
        return new ClientRecord(row.get("client_id", UUID.class),
                ClinicalStatus.valueOf(row.get("status", String.class)), contact,
                Diagnosis.fromStored(row.get("diagnosis", String.class)), row.get("treatment_plan", String.class),
                row.get("planned_sessions", Integer.class), row.get("completed_sessions", Integer.class),
                row.get("therapist_id", UUID.class), instant(row.get("assigned_at", OffsetDateTime.class)),
                instant(row.get("panel_since", OffsetDateTime.class)),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("updated_at", OffsetDateTime.class)));
    }

    static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
