package app.haven.patients;

import static app.haven.patients.PatientsApi.ACCESS_AUDIT;
import static app.haven.patients.PatientsApi.PATIENTS;
import static app.haven.patients.PatientsApi.SESSIONS;
import static app.haven.patients.PatientsApi.fromNow;
import static app.haven.patients.PatientsApi.id;
import static app.haven.patients.PatientsApi.ids;
import static app.haven.patients.PatientsApi.items;
import static app.haven.patients.PatientsApi.json;
import static app.haven.patients.PatientsApi.problem;
import static app.haven.patients.PatientsApi.sessionRequest;
import static app.haven.patients.PatientsApi.tag;
import static app.haven.patients.PatientsApi.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.shared.Role;
import app.haven.support.HavenTest;
import app.haven.support.SessionCompletedRecorder;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * The therapist's panel, client records and sessions over real HTTP with real accounts: staff
 * assign a therapist, who finds the client on the panel by every filter, plans and records
 * sessions (billing hears of each completed one with its CPT code), and keeps the notes to
 * themselves; nobody else sees the client or the notes, and a reassignment hands everything over
 * at once. Every read of a record or of notes lands in the access audit.
 */
@HavenTest
class PatientsFlowIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(15);

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;

    private PatientsApi api;

    @BeforeEach
    void setUp() {
        api = new PatientsApi(http, tokens);
    }

    @Test
    void fromAssignmentThroughSessionsToReassignmentOnlyTheCurrentTherapistSeesTheClientAndTheNotes() {
        String tag = tag();
        String lastName = "Okonkwo" + tag;
        UUID staffId = people.staff();
        UUID a = people.therapist("Ana", "Alves" + tag);
        UUID b = people.therapist("Ben", "Barros" + tag);
        UUID c = people.client("Chloe", lastName);
        UUID d = people.client("Dara", "Nakamura" + tag);
        String staff = api.token(staffId, Role.STAFF);
        String therapistA = api.token(a, Role.THERAPIST);
        String therapistB = api.token(b, Role.THERAPIST);
        String clientC = api.token(c, Role.CLIENT);
        String clientD = api.token(d, Role.CLIENT);

        // before any assignment the record waits, PENDING, on the staff's panel
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(panelItem(staff, c, "q", lastName))
                .containsEntry("status", "PENDING"));

        Instant cAssigned = Instant.parse((String) api.assign(staff, c, a).get("assignedAt"));
        Instant dAssigned = Instant.parse((String) api.assign(staff, d, a).get("assignedAt"));

        // the panel: newest assignment first, with the client's details
        assertThat(api.panel(therapistA)).containsExactly(d, c);
        Map<String, Object> item = panelItem(therapistA, c);
        assertThat(item).containsEntry("fullName", "Chloe " + lastName)
                .containsEntry("status", "ACTIVE")
                .containsEntry("progress", 0)
                .containsEntry("currentSession", 0)
                .containsEntry("totalSessions", null)
                .containsEntry("nextSessionAt", null)
                .containsEntry("overdueWorksheets", 0)
                .containsEntry("diagnosis", List.of())
                .containsKeys("email", "phone");
        assertThat((String) item.get("email")).startsWith("who.").endsWith("@example.org");

        assertThat(api.panel(therapistA, "status", "ACTIVE")).containsExactly(d, c);
        assertThat(api.panel(therapistA, "status", "COMPLETED")).isEmpty();
        assertThat(api.panel(therapistA, "q", oddCase(lastName.substring(2, 9)))).containsExactly(c);
        assertThat(api.panel(therapistA, "q", oddCase("chlo"))).containsExactly(c);
        assertThat(api.panel(therapistA, "q", "Zebedee" + tag)).isEmpty();
        assertThat(api.panel(therapistA, "assignedFrom", cAssigned.minusSeconds(60))).containsExactly(d, c);
        assertThat(api.panel(therapistA, "assignedTo", cAssigned.minusSeconds(60))).isEmpty();
        if (Duration.between(cAssigned, dAssigned).toMillis() >= 2) {
            Instant between = cAssigned.plus(Duration.between(cAssigned, dAssigned).dividedBy(2));
            assertThat(api.panel(therapistA, "assignedFrom", between)).containsExactly(d);
            assertThat(api.panel(therapistA, "assignedTo", between)).containsExactly(c);
        }

        // the therapist records a diagnosis and a plan of four sessions
        Map<String, Object> updated = api.updateRecord(therapistA, c,
                Map.of("diagnosis", List.of("F32.1"), "totalSessions", 4, "treatmentPlan", "CBT for low mood"));
        assertThat(updated).containsEntry("diagnosis", List.of("F32.1")).containsEntry("totalSessions", 4)
                .containsEntry("treatmentPlan", "CBT for low mood").containsEntry("status", "ACTIVE")
                .containsEntry("therapistId", a.toString());
        assertThat(api.panel(therapistA, "diagnosis", "F32")).containsExactly(c);
        assertThat(api.panel(therapistA, "diagnosis", "F32.1")).containsExactly(c);
        assertThat(api.panel(therapistA, "diagnosis", "F41")).isEmpty();

        // two sessions planned
        assertThat(api.panel(therapistA, "hasUpcomingSession", true)).isEmpty();
        Instant firstStart = fromNow(Duration.ofDays(2));
        Instant secondStart = fromNow(Duration.ofDays(9));
        Map<String, Object> firstRequest = sessionRequest(c, firstStart, 50, "INDIVIDUAL");
        firstRequest.put("telehealth", true);
        Map<String, Object> first = api.scheduled(therapistA, firstRequest);
        assertThat(first).containsEntry("therapistId", a.toString()).containsEntry("durationMinutes", 50)
                .containsEntry("type", "INDIVIDUAL").containsEntry("telehealth", true)
                .containsEntry("serviceCode", null).containsEntry("cancelledLate", null)
                .containsKeys("id", "createdAt", "updatedAt");
        assertThat(Instant.parse((String) first.get("endsAt"))).isEqualTo(firstStart.plus(Duration.ofMinutes(50)));
        UUID s1 = id(first);
        UUID s2 = id(api.scheduled(therapistA, c, secondStart, 50, "INDIVIDUAL"));
        assertThat(api.panel(therapistA, "hasUpcomingSession", true)).containsExactly(c);
        assertThat(api.panel(therapistA, "hasUpcomingSession", false)).containsExactly(d);
        assertThat(Instant.parse((String) panelItem(therapistA, c).get("nextSessionAt"))).isEqualTo(firstStart);

        // the first session done: notes, and the CPT code derived from 50 individual minutes
        String notes = "Discussed sleep; " + tag + " agreed to a daily walk.";
        Map<String, Object> completed = json(api.complete(therapistA, s1, Map.of("notes", notes)), HttpStatus.OK);
        assertThat(completed).containsEntry("status", "COMPLETED").containsEntry("serviceCode", "90834");
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(SessionCompletedRecorder.received(s1))
                .hasValueSatisfying(event -> {
                    assertThat(event.serviceCode()).isEqualTo("90834");
                    assertThat(event.minutes()).isEqualTo(50);
                    assertThat(event.clientId()).isEqualTo(c);
                    assertThat(event.therapistId()).isEqualTo(a);
                    assertThat(event.telehealth()).isTrue();
                    assertThat(event.startsAt()).isEqualTo(firstStart);
                    assertThat(event.completedAt()).isNotNull();
                }));

        // progress: one of four sessions
        assertThat(panelItem(therapistA, c)).containsEntry("progress", 25).containsEntry("currentSession", 1)
                .containsEntry("totalSessions", 4);
        assertThat(Instant.parse((String) panelItem(therapistA, c).get("nextSessionAt"))).isEqualTo(secondStart);
        assertThat(api.panel(therapistA, "progressMin", 20, "progressMax", 30)).containsExactly(c);
        assertThat(api.panel(therapistA, "progressMin", 25)).containsExactly(c);
        assertThat(api.panel(therapistA, "progressMin", 26)).isEmpty();
        assertThat(api.panel(therapistA, "progressMax", 24)).containsExactly(d);

        // the caseload in numbers, then with one client paused
        assertThat(api.stats(therapistA)).containsEntry("total", 2)
                .containsEntry("byStatus", Map.of("PENDING", 0, "ACTIVE", 2, "INACTIVE", 0, "COMPLETED", 0))
                .containsEntry("upcomingSessions", 1)
                .containsEntry("overdueWorksheets", 0);
        assertThat(api.updateRecord(therapistA, d, Map.of("status", "INACTIVE"))).containsEntry("status", "INACTIVE");
        assertThat(api.stats(therapistA)).containsEntry("total", 2)
                .containsEntry("byStatus", Map.of("PENDING", 0, "ACTIVE", 1, "INACTIVE", 1, "COMPLETED", 0));
        assertThat(api.panel(therapistA, "status", "INACTIVE")).containsExactly(d);
        assertThat(api.panel(therapistA, "status", "ACTIVE")).containsExactly(c);
        assertThat(api.stats(therapistB)).containsEntry("total", 0).containsEntry("upcomingSessions", 0);

        // another therapist: no such client, no such sessions
        problem(api.get(therapistB, PATIENTS + "/{id}", c), HttpStatus.NOT_FOUND);
        problem(api.get(therapistB, SESSIONS + "/{id}", s1), HttpStatus.NOT_FOUND);
        problem(api.get(therapistB, SESSIONS + "/{id}", s2), HttpStatus.NOT_FOUND);
        problem(api.patch(therapistB, Map.of("totalSessions", 9), PATIENTS + "/{id}", c), HttpStatus.NOT_FOUND);
        problem(api.schedule(therapistB, c, fromNow(Duration.ofDays(20)), 50, "INDIVIDUAL"), HttpStatus.NOT_FOUND);
        problem(api.cancel(therapistB, s2, "not mine"), HttpStatus.NOT_FOUND);
        assertThat(api.panel(therapistB)).isEmpty();
        assertThat(api.panel(therapistB, "q", lastName)).isEmpty();
        assertThat(ids(api.sessions(therapistB), "id")).doesNotContain(s1, s2);

        // the client sees their sessions, never the notes
        String clientsList = text(api.get(clientC, uri -> uri.path(SESSIONS).build()), HttpStatus.OK);
        assertThat(ids(api.sessions(clientC), "id")).containsExactly(s1, s2);
        assertThat(clientsList).doesNotContain(tag + " agreed");
        Map<String, Object> clientsView = api.session(clientC, s1);
        assertThat(clientsView).containsEntry("status", "COMPLETED").containsEntry("serviceCode", "90834");
        assertThat(clientsView.get("notes")).isNull();
        assertThat(text(api.get(clientC, SESSIONS + "/{id}", s1), HttpStatus.OK)).doesNotContain(tag + " agreed");
        assertThat(api.session(clientC, s2)).containsEntry("status", "SCHEDULED");
        // and nobody else's sessions, nor any record
        problem(api.get(clientD, SESSIONS + "/{id}", s1), HttpStatus.NOT_FOUND);
        assertThat(api.sessions(clientD)).isEmpty();
        problem(api.get(clientC, PATIENTS), HttpStatus.FORBIDDEN);
        problem(api.get(clientC, PATIENTS + "/{id}", c), HttpStatus.FORBIDDEN);
        problem(api.get(clientC, PATIENTS + "/stats"), HttpStatus.FORBIDDEN);
        problem(api.patch(clientC, Map.of("totalSessions", 9), PATIENTS + "/{id}", c), HttpStatus.FORBIDDEN);

        // the therapist reads the notes of one session, never in a list or the record
        assertThat(api.session(therapistA, s1)).containsEntry("notes", notes);
        assertThat(text(api.get(therapistA, uri -> uri.path(SESSIONS).build()), HttpStatus.OK))
                .doesNotContain(tag + " agreed");
        String record = text(api.get(therapistA, PATIENTS + "/{id}", c), HttpStatus.OK);
        assertThat(record).doesNotContain(tag + " agreed");
        Map<String, Object> detail = api.record(therapistA, c);
        assertThat(detail).containsEntry("therapistId", a.toString()).containsEntry("treatmentPlan", "CBT for low mood")
                .containsKeys("assignedAt", "dateOfBirth", "address", "emergencyContacts", "worksheets");
        assertThat(ids(listOf(detail, "sessions"), "id")).containsExactlyInAnyOrder(s1, s2);
        assertThat(listOf(detail, "sessions")).filteredOn(session -> s1.toString().equals(session.get("id")))
                .singleElement().satisfies(session -> assertThat(session).containsEntry("serviceCode", "90834")
                        .containsEntry("status", "COMPLETED").extracting(s -> s.get("notes")).isNull());

        // staff see the record and the session, without notes
        assertThat(api.record(staff, c)).containsEntry("therapistId", a.toString());
        assertThat(text(api.get(staff, SESSIONS + "/{id}", s1), HttpStatus.OK)).contains(s1.toString())
                .doesNotContain(tag + " agreed");
        problem(api.patch(staff, Map.of("totalSessions", 9), PATIENTS + "/{id}", c), HttpStatus.FORBIDDEN);
        Map<String, Object> practice = api.stats(staff);
        assertThat(practice).containsKeys("total", "byStatus", "upcomingSessions", "overdueWorksheets");
        @SuppressWarnings("unchecked")
        Map<String, Integer> byStatus = (Map<String, Integer>) practice.get("byStatus");
        assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(practice.get("total"));
        assertThat((Integer) practice.get("total")).isGreaterThanOrEqualTo(2);

        // the access audit: who read the record and the notes
        String admin = api.adminToken();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<Map<String, Object>> audit = auditOf(admin, c);
            assertThat(audit).allSatisfy(entry -> assertThat(entry).containsEntry("subjectId", c.toString())
                    .containsKeys("id", "actorId", "actorRole", "resource", "resourceId", "occurredAt")
                    .containsEntry("origin", "127.0.0.1"));
            assertThat(audit).anySatisfy(entry -> assertThat(entry).containsEntry("actorId", a.toString())
                    .containsEntry("actorRole", "THERAPIST").containsEntry("resource", "CLIENT_RECORD"));
            assertThat(audit).anySatisfy(entry -> assertThat(entry).containsEntry("actorId", a.toString())
                    .containsEntry("resource", "SESSION_NOTES").containsEntry("resourceId", s1.toString()));
            assertThat(audit).anySatisfy(entry -> assertThat(entry).containsEntry("actorId", staffId.toString())
                    .containsEntry("actorRole", "STAFF").containsEntry("resource", "CLIENT_RECORD"));
            assertThat(audit).as("the client's and the staff's reads carried no notes")
                    .noneSatisfy(entry -> assertThat(entry).containsEntry("resource", "SESSION_NOTES")
                            .doesNotContainEntry("actorId", a.toString()));
        });
        // a time window: everything so far lies before now, nothing after it
        Instant now = Instant.now().plusSeconds(1);
        assertThat(auditOf(admin, c, null, now)).hasSameSizeAs(auditOf(admin, c));
        assertThat(auditOf(admin, c, now, null)).isEmpty();
        problem(api.get(admin, uri -> uri.path(ACCESS_AUDIT).queryParam("from", now.toString())
                .queryParam("to", now.minusSeconds(60).toString()).build()), HttpStatus.BAD_REQUEST);
        problem(api.get(admin, uri -> uri.path(ACCESS_AUDIT).queryParam("from", "yesterday").build()),
                HttpStatus.BAD_REQUEST);
        for (String refused : List.of(clientC, therapistA, staff)) {
            problem(api.get(refused, uri -> uri.path(ACCESS_AUDIT).queryParam("subjectId", c).build()),
                    HttpStatus.FORBIDDEN);
        }

        // reassignment: everything moves to the new therapist at once
        api.assign(staff, c, b);
        problem(api.get(therapistA, PATIENTS + "/{id}", c), HttpStatus.NOT_FOUND);
        problem(api.get(therapistA, SESSIONS + "/{id}", s1), HttpStatus.NOT_FOUND);
        problem(api.get(therapistA, SESSIONS + "/{id}", s2), HttpStatus.NOT_FOUND);
        problem(api.patch(therapistA, Map.of("totalSessions", 9), PATIENTS + "/{id}", c), HttpStatus.NOT_FOUND);
        problem(api.schedule(therapistA, c, fromNow(Duration.ofDays(20)), 50, "INDIVIDUAL"), HttpStatus.NOT_FOUND);
        assertThat(api.panel(therapistA)).containsExactly(d);
        assertThat(ids(api.sessions(therapistA), "id")).doesNotContain(s1, s2);
        assertThat(api.stats(therapistA)).containsEntry("total", 1);
        assertThat(api.panel(therapistB)).containsExactly(c);
        assertThat(api.record(therapistB, c)).containsEntry("therapistId", b.toString())
                .containsEntry("status", "ACTIVE").containsEntry("diagnosis", List.of("F32.1"));
    }

    @Test
    void thePanelPagesThroughEveryClientExactlyOnceNewestAssignmentFirst() {
        UUID therapist = people.therapist();
        String token = api.token(therapist, Role.THERAPIST);
        List<UUID> assigned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID client = people.client("Pat", "Pager" + i);
            api.assign(client, therapist);
            assigned.add(client);
        }
        List<UUID> newestFirst = new ArrayList<>(assigned);
        java.util.Collections.reverse(newestFirst);

        List<UUID> walked = walkPanel(token, 2);
        assertThat(walked).containsExactlyElementsOf(newestFirst);
        assertThat(walkPanel(token, 2)).as("the same order on every walk").isEqualTo(walked);
        assertThat(walkPanel(token, 3)).isEqualTo(walked);
        assertThat(items(api.panelPage(token, "limit", 1000))).as("a limit above 100 is capped, not refused")
                .hasSize(5);
        assertThat(api.panelPage(token)).as("the default limit holds all five").containsEntry("nextCursor", null);
    }

    @Test
    void cancellingLessThanADayAheadIsLateAndOnlyScheduledSessionsChangeState() {
        UUID therapist = people.therapist();
        UUID client = people.client();
        api.assign(client, therapist);
        String therapistToken = api.token(therapist, Role.THERAPIST);
        String clientToken = api.token(client, Role.CLIENT);

        UUID soon = id(api.scheduled(therapistToken, client, fromNow(Duration.ofHours(3)), 50, "INDIVIDUAL"));
        UUID nextWeek = id(api.scheduled(therapistToken, client, fromNow(Duration.ofDays(7)), 50, "INDIVIDUAL"));
        UUID done = id(api.scheduled(therapistToken, client, fromNow(Duration.ofDays(8)), 50, "INDIVIDUAL"));
        UUID missed = id(api.scheduled(therapistToken, client, fromNow(Duration.ofDays(9)), 50, "INDIVIDUAL"));

        assertThat(json(api.cancel(clientToken, soon, "I am ill"), HttpStatus.OK))
                .containsEntry("status", "CANCELLED").containsEntry("cancelledLate", true);
        assertThat(api.session(therapistToken, soon)).containsEntry("status", "CANCELLED")
                .containsEntry("cancelledLate", true);
        assertThat(json(api.cancel(therapistToken, nextWeek, "Therapist away"), HttpStatus.OK))
                .containsEntry("status", "CANCELLED").containsEntry("cancelledLate", false);
        problem(api.cancel(clientToken, nextWeek, "again"), HttpStatus.CONFLICT);
        problem(api.cancel(therapistToken, soon, "again"), HttpStatus.CONFLICT);
        problem(api.complete(therapistToken, soon, Map.of("notes", "never happened")), HttpStatus.CONFLICT);
        problem(api.noShow(therapistToken, nextWeek), HttpStatus.CONFLICT);

        json(api.complete(therapistToken, done, Map.of("notes", "Went well.")), HttpStatus.OK);
        problem(api.noShow(therapistToken, done), HttpStatus.CONFLICT);
        problem(api.cancel(clientToken, done, "too late"), HttpStatus.CONFLICT);
        problem(api.complete(therapistToken, done, Map.of("notes", "twice")), HttpStatus.CONFLICT);
        problem(api.patch(therapistToken, Map.of("durationMinutes", 30), SESSIONS + "/{id}", done),
                HttpStatus.CONFLICT);
        assertThat(api.session(therapistToken, done)).containsEntry("status", "COMPLETED")
                .containsEntry("notes", "Went well.").containsEntry("durationMinutes", 50);

        problem(api.noShow(clientToken, missed), HttpStatus.FORBIDDEN);
        assertThat(json(api.noShow(api.staffToken(), missed), HttpStatus.OK)).containsEntry("status", "NO_SHOW");
        problem(api.noShow(therapistToken, missed), HttpStatus.CONFLICT);

        assertThat(api.sessions(therapistToken, "status", "CANCELLED")).extracting(s -> s.get("id"))
                .containsExactly(soon.toString(), nextWeek.toString());
    }

    @Test
    void staffScheduleWithTheClientsTherapistAndNobodyElseMay() {
        UUID therapist = people.therapist();
        UUID client = people.client();
        UUID unassigned = people.client();
        UUID stranger = people.therapist();
        api.assign(client, therapist);
        String staff = api.token(people.staff(), Role.STAFF);
        Instant startsAt = fromNow(Duration.ofDays(3));

        Map<String, Object> booked = api.scheduled(staff, client, startsAt, 50, "INTAKE");
        assertThat(booked).containsEntry("therapistId", therapist.toString()).containsEntry("type", "INTAKE")
                .containsEntry("telehealth", false);
        assertThat(ids(api.sessions(api.token(therapist, Role.THERAPIST)), "id")).containsExactly(id(booked));
        assertThat(ids(api.sessions(api.token(client, Role.CLIENT)), "id")).containsExactly(id(booked));

        problem(api.schedule(staff, unassigned, fromNow(Duration.ofDays(4)), 50, "INTAKE"), HttpStatus.CONFLICT);
        problem(api.schedule(api.token(client, Role.CLIENT), client, fromNow(Duration.ofDays(5)), 50, "INTAKE"),
                HttpStatus.FORBIDDEN);
        problem(api.schedule(api.token(stranger, Role.THERAPIST), client, fromNow(Duration.ofDays(6)), 50, "INTAKE"),
                HttpStatus.NOT_FOUND);
        // staff reschedule, but the notes are the therapist's alone
        Instant later = startsAt.plus(Duration.ofHours(2));
        Map<String, Object> moved = json(api.patch(staff, Map.of("startsAt", later.toString()),
                SESSIONS + "/{id}", id(booked)), HttpStatus.OK);
        assertThat(Instant.parse((String) moved.get("startsAt"))).isEqualTo(later);
        problem(api.patch(staff, Map.of("notes", "staff may not"), SESSIONS + "/{id}", id(booked)),
                HttpStatus.FORBIDDEN);
        problem(api.complete(staff, id(booked), Map.of("notes", "staff may not")), HttpStatus.FORBIDDEN);
        assertThat(api.sessions(api.token(therapist, Role.THERAPIST))).singleElement()
                .satisfies(session -> assertThat(Instant.parse((String) session.get("startsAt"))).isEqualTo(later));
        assertThat(api.sessions(api.token(stranger, Role.THERAPIST))).isEmpty();
    }

    @Test
    void theServiceCodeFollowsTypeAndLengthUnlessGivenAndProgressStopsAtOneHundred() {
        UUID therapist = people.therapist();
        UUID client = people.client();
        api.assign(client, therapist);
        String token = api.token(therapist, Role.THERAPIST);
        api.updateRecord(token, client, Map.of("totalSessions", 2));

        Object[][] cases = {
                {"INTAKE", 60, null, "90791"},
                {"INDIVIDUAL", 16, null, "90832"},
                {"INDIVIDUAL", 37, null, "90832"},
                {"INDIVIDUAL", 38, null, "90834"},
                {"INDIVIDUAL", 52, null, "90834"},
                {"INDIVIDUAL", 53, null, "90837"},
                {"FAMILY", 50, null, "90847"},
                {"GROUP", 90, null, "90853"},
                {"INDIVIDUAL", 45, "90837", "90837"},
                {"INDIVIDUAL", 10, "90832", "90832"},
        };
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < cases.length; i++) {
            Object[] c = cases[i];
            UUID session = id(api.scheduled(token, client, fromNow(Duration.ofDays(1 + i)), (Integer) c[1],
                    (String) c[0]));
            Map<String, Object> body = c[2] == null ? Map.of("notes", "Session " + i)
                    : Map.of("notes", "Session " + i, "serviceCode", c[2]);
            assertThat(json(api.complete(token, session, body), HttpStatus.OK))
                    .as("%s of %s minutes, code given: %s", c[0], c[1], c[2])
                    .containsEntry("serviceCode", c[3]);
            codes.add((String) c[3]);
        }
        assertThat(codes).hasSize(6);

        UUID tooShort = id(api.scheduled(token, client, fromNow(Duration.ofDays(30)), 15, "INDIVIDUAL"));
        problem(api.complete(token, tooShort, Map.of("notes", "brief check-in")), HttpStatus.BAD_REQUEST);
        assertThat(api.session(token, tooShort)).containsEntry("status", "SCHEDULED")
                .containsEntry("serviceCode", null);

        assertThat(panelItem(token, client)).containsEntry("currentSession", cases.length)
                .containsEntry("totalSessions", 2).containsEntry("progress", 100);
    }

    private Map<String, Object> panelItem(String token, UUID client, Object... query) {
        Object[] withLimit = java.util.Arrays.copyOf(query, query.length + 2);
        withLimit[query.length] = "limit";
        withLimit[query.length + 1] = 100;
        return items(api.panelPage(token, withLimit)).stream()
                .filter(item -> client.toString().equals(item.get("clientId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("client " + client + " is not on the panel"));
    }

    private List<UUID> walkPanel(String token, int limit) {
        List<UUID> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = cursor == null ? api.panelPage(token, "limit", limit)
                    : api.panelPage(token, "limit", limit, "cursor", cursor);
            List<Map<String, Object>> items = items(page);
            assertThat(items).as("page %d", pages).hasSizeLessThanOrEqualTo(limit).isNotEmpty();
            walked.addAll(ids(items, "clientId"));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(pages).isEqualTo((walked.size() + limit - 1) / limit);
        return walked;
    }

    private List<Map<String, Object>> auditOf(String adminToken, UUID subject) {
        return auditOf(adminToken, subject, null, null);
    }

    private List<Map<String, Object>> auditOf(String adminToken, UUID subject, Instant from, Instant to) {
        return items(json(api.get(adminToken, uri -> uri.path(ACCESS_AUDIT).queryParam("subjectId", subject)
                .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                .queryParam("limit", 100).build()), HttpStatus.OK));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    /** "okonkwo" as somebody might type it: "oKoNkWo". */
    private static String oddCase(String text) {
        StringBuilder odd = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char letter = text.charAt(i);
            odd.append(i % 2 == 0 ? Character.toLowerCase(letter) : Character.toUpperCase(letter));
        }
        return odd.toString();
    }
}
