package app.haven.patients.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import app.haven.identity.AccountSummary;
import app.haven.identity.Accounts;
import app.haven.patients.WorksheetFacts;
import app.haven.patients.WorksheetFacts.WorksheetTally;
import app.haven.patients.application.port.out.ClientRecordStore;
import app.haven.patients.application.port.out.ClientRecordStore.PanelFilter;
import app.haven.patients.application.port.out.ClientRecordStore.PanelPosition;
import app.haven.patients.application.port.out.ClientRecordStore.PanelRow;
import app.haven.patients.application.port.out.SessionStore;
import app.haven.patients.domain.Address;
import app.haven.patients.domain.ClientRecord;
import app.haven.patients.domain.ClinicalStatus;
import app.haven.patients.domain.EmergencyContact;
import app.haven.patients.domain.Session;
import app.haven.shared.AccessAudit;
import app.haven.shared.AccessAudit.AuditedResource;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.InvalidInputException;
import app.haven.shared.KeysetCursor;
import app.haven.shared.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The therapist's panel: their caseload (the practice's clients, for staff) with the filters a
 * working day needs, one client's record in full, and the caseload's figures. Names and emails
 * come from identity in one batch per page; worksheet counts from the worksheets module's facts.
 */
@Service
public class Panel {

    /** Name search narrows the panel by at most this many matching people. */
    private static final int NAME_MATCHES = 10_000;
    private static final int RECENT_SESSIONS = 10;

    private final ClientRecordStore records;
    private final SessionStore sessions;
    private final Accounts accounts;
    private final ObjectProvider<WorksheetFacts> worksheetFacts;
    private final AccessAudit audit;
    private final Clock clock;

    Panel(ClientRecordStore records, SessionStore sessions, Accounts accounts,
            ObjectProvider<WorksheetFacts> worksheetFacts, AccessAudit audit, Clock clock) {
        this.records = records;
        this.sessions = sessions;
        this.accounts = accounts;
        this.worksheetFacts = worksheetFacts;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<CursorPage<Item>> list(Caller caller, Query query) {
        UUID caseload = Clinicians.caseloadOf(caller);
        query.requireConsistent();
        Instant now = clock.instant();
        PanelPosition after = KeysetCursor.decode(query.cursor(), PanelPosition::new);
        return nameMatches(query.q())
                .zipWith(overdueClients(caseload, query.hasOverdueWorksheets()))
                .flatMap(narrowing -> {
                    Set<UUID> only = narrowing.getT1().orElse(null);
                    Set<UUID> excluded = Set.of();
                    if (query.hasOverdueWorksheets() != null) {
                        Set<UUID> overdue = narrowing.getT2();
                        if (query.hasOverdueWorksheets()) {
                            only = only == null ? overdue : intersection(only, overdue);
                        } else {
                            excluded = overdue;
                        }
                    }
                    if (only != null && only.isEmpty()) {
                        return Mono.just(CursorPage.<Item>last(List.of()));
                    }
                    PanelFilter filter = new PanelFilter(caseload, only, excluded, query.status(),
                            query.diagnosis(), query.progressMin(), query.progressMax(), query.assignedFrom(),
                            query.assignedTo(), query.hasUpcomingSession(), now);
                    return records.panel(filter, after, query.limit() + 1).collectList()
                            .flatMap(rows -> page(rows, query.limit()));
                });
    }

    public Mono<Detail> detail(Caller caller, UUID clientId) {
        return Clinicians.visibleRecord(records, caller, clientId)
                .flatMap(record -> audit.recordRead(caller, clientId, AuditedResource.CLIENT_RECORD, clientId.toString())
                        .then(describe(record)));
    }

    /** The full record as the panel shows it, without auditing: for callers that just audited or wrote. */
    Mono<Detail> describe(ClientRecord record) {
        UUID clientId = record.clientId();
        Instant now = clock.instant();
        return Mono.zip(accounts.find(clientId).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        tallies(List.of(clientId)),
                        sessions.recentOf(clientId, RECENT_SESSIONS).collectList(),
                        nextSessionOf(clientId, now))
                .map(parts -> Detail.of(Item.of(new PanelRow(record, parts.getT4().orElse(null)),
                                parts.getT1().orElse(null), parts.getT2().get(clientId)),
                        record, parts.getT3(), parts.getT2().getOrDefault(clientId, WorksheetTally.none(clientId))));
    }

    public Mono<Stats> stats(Caller caller) {
        UUID caseload = Clinicians.caseloadOf(caller);
        Instant now = clock.instant();
        return Mono.zip(records.countByStatus(caseload), sessions.countUpcoming(caseload, now),
                        records.idsIn(caseload).collectList().flatMap(this::tallies))
                .map(parts -> {
                    Map<ClinicalStatus, Long> byStatus = new EnumMap<>(ClinicalStatus.class);
                    for (ClinicalStatus status : ClinicalStatus.values()) {
                        byStatus.put(status, parts.getT1().getOrDefault(status, 0L));
                    }
                    long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
                    long overdue = parts.getT3().values().stream().mapToLong(WorksheetTally::overdue).sum();
                    return new Stats(total, byStatus, parts.getT2(), overdue);
                });
    }

    private Mono<CursorPage<Item>> page(List<PanelRow> rows, int limit) {
        List<PanelRow> shown = rows.subList(0, Math.min(limit, rows.size()));
        List<UUID> ids = shown.stream().map(row -> row.record().clientId()).toList();
        return Mono.zip(namesOf(ids), tallies(ids)).map(lookups -> {
            List<Item> items = shown.stream()
                    .map(row -> Item.of(row, lookups.getT1().get(row.record().clientId()),
                            lookups.getT2().get(row.record().clientId())))
                    .toList();
            String next = null;
            if (rows.size() > limit) {
                ClientRecord last = shown.get(shown.size() - 1).record();
                next = KeysetCursor.encode(last.panelSince(), last.clientId());
            }
            return new CursorPage<>(items, next);
        });
    }

    private Mono<Optional<Set<UUID>>> nameMatches(String q) {
        if (q == null || q.isBlank()) {
            return Mono.just(Optional.empty());
        }
        return accounts.idsMatching(q, Role.CLIENT, NAME_MATCHES).collect(HashSet<UUID>::new, Set::add)
                .map(ids -> Optional.of(ids));
    }

    private Mono<Set<UUID>> overdueClients(UUID caseload, Boolean wanted) {
        if (wanted == null) {
            return Mono.just(Set.of());
        }
        return records.idsIn(caseload).collectList().flatMap(this::tallies)
                .map(tallies -> tallies.values().stream().filter(tally -> tally.overdue() > 0)
                        .map(WorksheetTally::clientId).collect(Collectors.toSet()));
    }

    private Mono<Map<UUID, AccountSummary>> namesOf(List<UUID> ids) {
        return accounts.findAll(ids).collectMap(AccountSummary::id, Function.identity());
    }

    private Mono<Map<UUID, WorksheetTally>> tallies(List<UUID> ids) {
        WorksheetFacts facts = worksheetFacts.getIfAvailable();
        if (facts == null || ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return facts.talliesOf(ids).collectMap(WorksheetTally::clientId, Function.identity());
    }

    private Mono<Optional<Instant>> nextSessionOf(UUID clientId, Instant now) {
        return records.panel(new PanelFilter(null, Set.of(clientId), Set.of(), null, null, null, null, null, null,
                        null, now), null, 1)
                .next().map(row -> Optional.ofNullable(row.nextSessionAt()))
                .defaultIfEmpty(Optional.empty());
    }

    private static Set<UUID> intersection(Set<UUID> a, Set<UUID> b) {
        Set<UUID> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    /** The panel's filters, as the route accepts them; null means "any". */
    public record Query(String q, ClinicalStatus status, String diagnosis, Integer progressMin, Integer progressMax,
            Instant assignedFrom, Instant assignedTo, Boolean hasOverdueWorksheets, Boolean hasUpcomingSession,
            String cursor, int limit) {

        void requireConsistent() {
            if (progressMin != null && progressMax != null && progressMin > progressMax) {
                throw new InvalidInputException("progressMin", "progressMin is above progressMax");
            }
            if (assignedFrom != null && assignedTo != null && assignedFrom.isAfter(assignedTo)) {
                throw new InvalidInputException("assignedFrom", "assignedFrom is after assignedTo");
            }
        }
    }

    /** One client in the panel. */
    public record Item(UUID clientId, String fullName, String email, String phone, ClinicalStatus status,
            List<String> diagnosis, int progress, int currentSession, Integer totalSessions, Instant nextSessionAt,
            int overdueWorksheets) {

        static Item of(PanelRow row, AccountSummary account, WorksheetTally tally) {
            ClientRecord record = row.record();
            return new Item(record.clientId(), account == null ? null : account.fullName(),
                    account == null ? null : account.email(), record.contact().phone(), record.status(),
                    record.diagnosis().codes(), record.progress(), record.completedSessions(),
                    record.plannedSessions(), row.nextSessionAt(), tally == null ? 0 : tally.overdue());
        }
    }

    /** One client's record in full, for their therapist or staff. Never session notes. */
    public record Detail(UUID clientId, String fullName, String email, String phone, ClinicalStatus status,
            List<String> diagnosis, int progress, int currentSession, Integer totalSessions, Instant nextSessionAt,
            int overdueWorksheets, UUID therapistId, Instant assignedAt, String treatmentPlan, LocalDate dateOfBirth,
            Address address, List<EmergencyContact> emergencyContacts, List<SessionSummary> sessions,
            WorksheetCounts worksheets) {

        static Detail of(Item item, ClientRecord record, List<Session> recent, WorksheetTally tally) {
            return new Detail(item.clientId(), item.fullName(), item.email(), item.phone(), item.status(),
                    item.diagnosis(), item.progress(), item.currentSession(), item.totalSessions(),
                    item.nextSessionAt(), item.overdueWorksheets(), record.therapistId(), record.assignedAt(),
                    record.treatmentPlan(), record.contact().dateOfBirth(), record.contact().address(),
                    record.contact().emergencyContacts(), recent.stream().map(SessionSummary::of).toList(),
                    new WorksheetCounts(tally.assigned(), tally.completed(), tally.overdue()));
        }
    }

    /** A session as lists show it: when, what and how it ended. */
    public record SessionSummary(UUID id, Instant startsAt, Instant endsAt, int durationMinutes, String type,
            boolean telehealth, String status, String serviceCode) {

        static SessionSummary of(Session session) {
            return new SessionSummary(session.id(), session.startsAt(), session.endsAt(), session.durationMinutes(),
                    session.type().name(), session.telehealth(), session.status().name(),
                    session.serviceCode() == null ? null : session.serviceCode().code());
        }
    }

    public record WorksheetCounts(int assigned, int completed, int overdue) {
    }

    public record Stats(long total, Map<ClinicalStatus, Long> byStatus, long upcomingSessions,
            long overdueWorksheets) {
    }
}
