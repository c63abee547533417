package app.haven.patients;

import static app.haven.patients.PatientsApi.PATIENTS;
import static app.haven.patients.PatientsApi.SESSIONS;
import static app.haven.patients.PatientsApi.errorFields;
import static app.haven.patients.PatientsApi.fromNow;
import static app.haven.patients.PatientsApi.id;
import static app.haven.patients.PatientsApi.ids;
import static app.haven.patients.PatientsApi.problem;
import static app.haven.patients.PatientsApi.sessionRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.shared.Role;
import app.haven.support.HavenTest;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * Bad input to the patients routes is a 400 problem that names what is wrong, and changes
 * nothing: every refusal is followed by reading the record or the session again.
 */
@HavenTest
class PatientsBadInputIT {

    private static final String MALFORMED = "{\"status\": ";

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;

    private PatientsApi api;
    private UUID therapist;
    private UUID client;
    private String token;
    private UUID session;

    @BeforeEach
    void setUp() {
        api = new PatientsApi(http, tokens);
        therapist = people.therapist();
        client = people.client();
        api.assign(client, therapist);
        token = api.token(therapist, Role.THERAPIST);
        api.updateRecord(token, client, Map.of("diagnosis", List.of("F41.1"), "totalSessions", 10,
                "treatmentPlan", "Exposure work", "status", "ACTIVE"));
        session = id(api.scheduled(token, client, fromNow(Duration.ofDays(3)), 50, "INDIVIDUAL"));
    }

    @Test
    void badChangesToAClientRecordAreRefusedAndChangeNothing() {
        Map<String, Object> before = api.record(token, client);
        assertThat(before).containsEntry("diagnosis", List.of("F41.1")).containsEntry("totalSessions", 10);

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("status", "NOPE"),
                Map.of("totalSessions", 0),
                Map.of("totalSessions", 501),
                Map.of("totalSessions", "many"),
                Map.of("treatmentPlan", "x".repeat(10_001)),
                Map.of("therapistId", UUID.randomUUID()),
                Map.of("therapistId", therapist),
                Map.of("email", "someone.else@example.org"),
                Map.of("totalSessions", 12, "email", "someone.else@example.org"),
                Map.of("diagnosis", List.of("F32.1"), "totalSessions", 0))) {
            problem(api.patch(token, bad, PATIENTS + "/{id}", client), HttpStatus.BAD_REQUEST);
            assertThat(api.record(token, client)).as("after %s", bad).isEqualTo(before);
        }

        for (String code : List.of("F3", "32.1", "F32.12345", "U07.1", "F32.", "")) {
            Map<String, Object> problem = problem(api.patch(token, Map.of("diagnosis", List.of(code)),
                    PATIENTS + "/{id}", client), HttpStatus.BAD_REQUEST);
            assertThat(errorFields(problem)).as("code '%s'", code).containsOnly("diagnosis[0]");
        }
        Map<String, Object> second = problem(api.patch(token, Map.of("diagnosis", List.of("F41.1", "32.1")),
                PATIENTS + "/{id}", client), HttpStatus.BAD_REQUEST);
        assertThat(errorFields(second)).containsOnly("diagnosis[1]");
        assertThat(api.record(token, client)).isEqualTo(before);

        problem(raw(HttpMethod.PATCH, PATIENTS + "/" + client, MALFORMED), HttpStatus.BAD_REQUEST);
        assertThat(api.record(token, client)).isEqualTo(before);
    }

    @Test
    void badSessionsAreRefusedAndNothingIsBooked() {
        Instant free = fromNow(Duration.ofDays(20));
        List<Map<String, Object>> bad = List.of(
                with(sessionRequest(client, free, 50, "INDIVIDUAL"), "type", "THERAPY"),
                with(sessionRequest(client, free, 50, "INDIVIDUAL"), "type", null),
                sessionRequest(client, free, 0, "INDIVIDUAL"),
                sessionRequest(client, free, -5, "INDIVIDUAL"),
                sessionRequest(client, free, 481, "INDIVIDUAL"),
                with(sessionRequest(client, free, 50, "INDIVIDUAL"), "durationMinutes", "fifty"),
                with(sessionRequest(client, free, 50, "INDIVIDUAL"), "startsAt", "next Tuesday at ten"),
                with(sessionRequest(client, free, 50, "INDIVIDUAL"), "startsAt", "2031-01-01 10:00"),
                with(sessionRequest(client, free, 50, "INDIVIDUAL"), "startsAt", "2031-13-01T10:00:00Z"),
                with(sessionRequest(client, free, 50, "INDIVIDUAL"), "startsAt", null),
                with(sessionRequest(client, free, 50, "INDIVIDUAL"), "clientId", "not-a-uuid"),
                with(sessionRequest(client, free, 50, "INDIVIDUAL"), "clientId", null),
                with(sessionRequest(client, free, 50, "INDIVIDUAL"), "telehealth", "sometimes"));
        for (Map<String, Object> request : bad) {
            problem(api.post(token, request, SESSIONS), HttpStatus.BAD_REQUEST);
        }
        problem(raw(HttpMethod.POST, SESSIONS, "{\"clientId\": \"" + client + "\", "), HttpStatus.BAD_REQUEST);
        assertThat(ids(api.sessions(token), "id")).as("nothing booked").containsExactly(session);

        // the limits themselves are fine
        api.scheduled(token, client, free, 480, "INDIVIDUAL");
        api.scheduled(token, client, free.plus(Duration.ofHours(9)), 1, "INDIVIDUAL");
    }

    @Test
    void badChangesAndTransitionsOfASessionAreRefusedAndChangeNothing() {
        Map<String, Object> before = api.session(token, session);
        assertThat(before).containsEntry("status", "SCHEDULED");

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("durationMinutes", 0),
                Map.of("durationMinutes", 481),
                Map.of("startsAt", "soon"))) {
            problem(api.patch(token, bad, SESSIONS + "/{id}", session), HttpStatus.BAD_REQUEST);
        }
        problem(raw(HttpMethod.PATCH, SESSIONS + "/" + session, MALFORMED), HttpStatus.BAD_REQUEST);
        assertThat(api.session(token, session)).isEqualTo(before);

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("notes", "Fine session.", "serviceCode", "99999"),
                Map.of("notes", ""),
                Map.of("notes", "x".repeat(20_001)),
                Map.of("serviceCode", "90834"),
                Map.of())) {
            problem(api.complete(token, session, bad), HttpStatus.BAD_REQUEST);
            assertThat(api.session(token, session)).as("after completing with %s", bad).isEqualTo(before);
        }
        problem(raw(HttpMethod.POST, SESSIONS + "/" + session + "/complete", "{\"notes\": "), HttpStatus.BAD_REQUEST);

        problem(api.cancel(token, session, ""), HttpStatus.BAD_REQUEST);
        problem(api.cancel(token, session, "x".repeat(501)), HttpStatus.BAD_REQUEST);
        problem(api.post(token, Map.of(), SESSIONS + "/{id}/cancel", session), HttpStatus.BAD_REQUEST);
        assertThat(api.session(token, session)).isEqualTo(before);
    }

    @Test
    void badListQueriesAreRefused() {
        Instant now = Instant.now();
        problem(api.get(token, uri -> uri.path(SESSIONS).queryParam("from", now.plus(Duration.ofDays(2)))
                .queryParam("to", now.plus(Duration.ofDays(1))).build()), HttpStatus.BAD_REQUEST);
        problem(api.get(token, uri -> uri.path(SESSIONS).queryParam("from", "yesterday").build()),
                HttpStatus.BAD_REQUEST);
        problem(api.get(token, uri -> uri.path(SESSIONS).queryParam("clientId", "not-a-uuid").build()),
                HttpStatus.BAD_REQUEST);

        for (Object[] query : List.of(
                new Object[] {"progressMin", 50, "progressMax", 10},
                new Object[] {"progressMin", -1},
                new Object[] {"progressMax", 101},
                new Object[] {"progressMin", "half"},
                new Object[] {"limit", 0},
                new Object[] {"limit", -3},
                new Object[] {"limit", "many"},
                new Object[] {"status", "NOPE"},
                new Object[] {"hasUpcomingSession", "maybe"},
                new Object[] {"assignedFrom", "last week"},
                new Object[] {"assignedFrom", now, "assignedTo", now.minus(Duration.ofDays(1))})) {
            problem(api.get(token, uri -> PatientsApi.withQuery(uri.path(PATIENTS), query).build()),
                    HttpStatus.BAD_REQUEST);
        }
        assertThat(api.panel(token)).as("the same panel still answers").containsExactly(client);
    }

    @Test
    void anAssignmentNeedsAClientAccountAndATherapistAccount() {
        UUID otherClient = people.client();
        UUID otherTherapist = people.therapist();
        String staff = api.staffToken();
        String assignments = PATIENTS + "/{clientId}/assignments";

        for (UUID notATherapist : List.of(otherClient, UUID.randomUUID(), client)) {
            Map<String, Object> problem = problem(api.post(staff, Map.of("therapistId", notATherapist), assignments,
                    client), HttpStatus.BAD_REQUEST);
            assertThat(errorFields(problem)).containsOnly("therapistId");
        }
        problem(api.post(staff, Map.of("therapistId", otherTherapist), assignments, UUID.randomUUID()),
                HttpStatus.NOT_FOUND);
        problem(api.post(staff, Map.of("therapistId", otherTherapist), assignments, therapist),
                HttpStatus.NOT_FOUND);

        assertThat(api.record(token, client)).containsEntry("therapistId", therapist.toString());
        assertThat(api.panel(api.token(otherTherapist, Role.THERAPIST))).isEmpty();
        assertThat(api.panel(token)).containsExactly(client);
    }

    private WebTestClient.ResponseSpec raw(HttpMethod method, String path, String body) {
        return api.http().method(method).uri(path)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static Map<String, Object> with(Map<String, Object> request, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(request);
        changed.put(key, value);
        return changed;
    }
}
