package app.haven.portal;

import static app.haven.portal.PortalApi.PORTAL;
import static app.haven.portal.PortalApi.items;
import static app.haven.portal.PortalApi.json;
import static app.haven.portal.PortalApi.list;
import static app.haven.support.ApiBodies.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.rsocket.server.LocalRSocketServerPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.identity.Accounts;
import app.haven.portal.PortalApi.Person;
import app.haven.portal.application.TimedNotifications;
import app.haven.support.HavenTest;
import app.haven.support.RSocketClients;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import reactor.core.Disposable;

/**
 * The client portal over real HTTP and RSocket with real tokens: profile and contacts kept by
 * their owners, preferences, the mood journal and its trends, PHQ-9 with its safety alert on the
 * therapist's stream during quiet hours, change requests that move the caseload, the dashboard,
 * and the notification feed.
 */
@HavenTest
class PortalFlowIT {

    private static final Duration SOON = Duration.ofSeconds(15);
    private static final ParameterizedTypeReference<Map<String, Object>> EVENT = new ParameterizedTypeReference<>() { };

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired Accounts accounts;
    @Autowired TimedNotifications timed;
    @Autowired RSocketRequester.Builder rsocket;
    @Autowired RSocketStrategies strategies;
    @LocalRSocketServerPort int tcpPort;
    @LocalServerPort int httpPort;

    private PortalApi api;
    private final List<Disposable> subscriptions = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new PortalApi(http, tokens, people);
    }

    @AfterEach
    void disconnect() {
        subscriptions.forEach(Disposable::dispose);
    }

    @Test
    void theProfileIsKeptByIdentityAndPatientsAndBadInputChangesNothing() {
        Person client = api.client();
        Map<String, Object> address = new LinkedHashMap<>(Map.of("line1", "7 Elm Road", "line2", "Flat 2",
                "city", "Portland", "region", "ME", "postalCode", "04102", "country", "US"));
        Map<String, Object> profile = api.ok(api.send("PUT", client, PORTAL + "/profile", Map.of("firstName", "Robin",
                "lastName", "Quill", "phone", "+1 555 0111", "dateOfBirth", "1990-04-12", "address", address)));
        assertThat(profile).containsEntry("firstName", "Robin").containsEntry("phone", "+1 555 0111")
                .containsEntry("address", address);
        assertThat(accounts.find(client.id()).block(SOON).lastName()).isEqualTo("Quill");

        problem(api.send("PUT", client, PORTAL + "/profile", Map.of("firstName", "", "lastName", "Quill")),
                HttpStatus.BAD_REQUEST);
        problem(api.send("PUT", client, PORTAL + "/profile", Map.of("firstName", "Robin", "lastName", "Quill",
                "dateOfBirth", LocalDate.now().plusDays(3).toString())), HttpStatus.BAD_REQUEST);
        assertThat(api.ok(api.get(client, PORTAL + "/profile"))).isEqualTo(profile);

        List<Map<String, Object>> contacts = List.of(Map.of("name", "Ida Quill", "relationship", "sister",
                "phone", "+1 555 0112", "email", "ida@example.org"));
        assertThat(list(api.send("PUT", client, PORTAL + "/emergency-contacts", contacts)))
                .singleElement().satisfies(contact -> assertThat(contact).containsEntry("email", "ida@example.org"));
        problem(api.send("PUT", client, PORTAL + "/emergency-contacts", List.of(Map.of("name", "No Phone",
                "relationship", "friend"))), HttpStatus.BAD_REQUEST);
        assertThat(list(api.get(client, PORTAL + "/emergency-contacts"))).hasSize(1);
        assertThat(api.ok(api.get(client, PORTAL + "/profile"))).isEqualTo(profile);

        problem(api.get(api.therapist(), PORTAL + "/profile"), HttpStatus.FORBIDDEN);
    }

    @Test
    void moodTrendsAreAveragedPerDayAndPerWeek() {
        Person client = api.client();
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).minusWeeks(2)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        mood(client, 4, monday, 9, "6.5");
        mood(client, 6, monday, 20, "7.5");
        mood(client, 8, monday.plusDays(2), 9, null);
        mood(client, 3, monday.plusWeeks(1), 9, "5.0");

        List<Map<String, Object>> days = list(api.get(client, PORTAL + "/mood-entries/trends?from=" + monday
                + "&to=" + monday.plusWeeks(2) + "&bucket=DAY"));
        assertThat(days).extracting(day -> day.get("bucket"))
                .containsExactly(monday.toString(), monday.plusDays(2).toString(), monday.plusWeeks(1).toString());
        assertThat(days.get(0)).containsEntry("entries", 2).containsEntry("mood", 5.0).containsEntry("sleepHours", 7.0);
        List<Map<String, Object>> weeks = list(api.get(client, PORTAL + "/mood-entries/trends?from=" + monday
                + "&to=" + monday.plusWeeks(2) + "&bucket=WEEK"));
        assertThat(weeks).hasSize(2);
        assertThat(weeks.get(0)).containsEntry("bucket", monday.toString()).containsEntry("entries", 3)
                .containsEntry("mood", 6.0);
        assertThat(weeks.get(1)).containsEntry("entries", 1).containsEntry("mood", 3.0);

        for (Object bad : List.of(0, 11, "high")) {
            problem(api.send("POST", client, PORTAL + "/mood-entries", Map.of("mood", bad)), HttpStatus.BAD_REQUEST);
        }
        problem(api.send("POST", client, PORTAL + "/mood-entries", Map.of("mood", 5, "sleepHours", "25")),
                HttpStatus.BAD_REQUEST);
        problem(api.get(client, PORTAL + "/mood-entries/trends?from=2026-01-10&to=2026-01-01"), HttpStatus.BAD_REQUEST);
        assertThat(items(api.ok(api.get(client, PORTAL + "/mood-entries")))).hasSize(4);
    }

    @Test
    void aSelfHarmAnswerReachesTheTherapistsStreamWithinASecondDuringQuietHours() {
        Person client = api.client();
        Person therapist = api.therapist();
        api.assign(client, therapist);
        quietNow(therapist);
        List<Map<String, Object>> stream = listen(therapist, "notifications");

        Map<String, Object> assigned = json(api.send("POST", therapist, "/api/v1/patients/" + client.id()
                + "/assessments", Map.of("instrument", "PHQ9")), HttpStatus.CREATED);
        assertThat(list(api.get(client, PORTAL + "/assessments"))).singleElement()
                .satisfies(assessment -> assertThat(assessment).containsEntry("status", "ASSIGNED"));
        String answers = PORTAL + "/assessments/" + assigned.get("id") + "/responses";
        problem(api.send("POST", client, answers, Map.of("answers", List.of(0, 0))), HttpStatus.BAD_REQUEST);
        problem(api.send("POST", client, answers, Map.of("answers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 4))),
                HttpStatus.BAD_REQUEST);
        problem(api.send("POST", api.client(), answers, Map.of("answers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1))),
                HttpStatus.NOT_FOUND);

        Instant answeredAt = Instant.now();
        Map<String, Object> score = api.ok(api.send("POST", client, answers,
                Map.of("answers", List.of(1, 1, 1, 1, 1, 1, 1, 0, 1))));
        assertThat(score).containsEntry("score", 8).containsEntry("severity", "MILD").containsEntry("safetyFlag", true);
        await().atMost(Duration.ofSeconds(1)).until(() -> stream.stream()
                .anyMatch(notification -> "SAFETY_ALERT".equals(notification.get("kind"))));
        System.out.printf("safety alert on the therapist's stream %d ms after the answer was sent%n",
                Duration.between(answeredAt, Instant.now()).toMillis());

        String therapistEmail = accounts.find(therapist.id()).block(SOON).email();
        assertThat(items(api.ok(api.get(therapist, "/api/v1/dev/outbox")))).anySatisfy(mail -> assertThat(mail)
                .containsEntry("to", therapistEmail)
                .satisfies(sent -> assertThat((String) sent.get("body")).doesNotContain("PHQ", "8", "MILD")));
        problem(api.send("POST", client, answers, Map.of("answers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0))),
                HttpStatus.CONFLICT);

        assertThat(list(api.get(therapist, "/api/v1/patients/" + client.id() + "/assessments"))).singleElement()
                .satisfies(history -> assertThat(history).containsEntry("score", 8).containsEntry("safetyFlag", true));
        problem(api.get(api.therapist(), "/api/v1/patients/" + client.id() + "/assessments"), HttpStatus.NOT_FOUND);
        problem(api.get(client, "/api/v1/patients/" + client.id() + "/assessments"), HttpStatus.FORBIDDEN);
    }

    @Test
    void quietHoursHoldBackMailButNotTheFeed() {
        Person client = api.client();
        Person therapist = api.therapist();
        api.assign(client, therapist);
        quietNow(client);
        String clientEmail = accounts.find(client.id()).block(SOON).email();

        json(api.send("POST", therapist, "/api/v1/patients/" + client.id() + "/assessments",
                Map.of("instrument", "GAD7", "recurrenceWeeks", 2)), HttpStatus.CREATED);
        assertThat(items(api.ok(api.get(client, PORTAL + "/notifications")))).extracting(n -> n.get("kind"))
                .contains("ASSESSMENT_ASSIGNED");
        assertThat(items(api.ok(api.get(client, "/api/v1/dev/outbox"))))
                .noneSatisfy(mail -> assertThat(mail).containsEntry("to", clientEmail));

        // a recurring questionnaire assigns the next one when it is answered
        String id = (String) list(api.get(client, PORTAL + "/assessments")).get(0).get("id");
        assertThat(api.ok(api.send("POST", client, PORTAL + "/assessments/" + id + "/responses",
                Map.of("answers", List.of(3, 3, 3, 3, 3, 0, 0))))).containsEntry("score", 15)
                .containsEntry("severity", "SEVERE").containsEntry("safetyFlag", false);
        assertThat(list(api.get(client, PORTAL + "/assessments"))).extracting(a -> a.get("status"))
                .containsExactlyInAnyOrder("ASSIGNED", "COMPLETED");
    }

    @Test
    void approvingAChangeRequestMovesTheCaseloadAndOpensTheNewConversation() {
        Person client = api.client();
        Person before = api.therapist();
        Person after = api.therapist();
        Person staff = api.staff();
        api.assign(client, before);

        Map<String, Object> request = json(api.send("POST", client, PORTAL + "/therapist-change-requests",
                Map.of("reason", "I would like someone with CBT experience")), HttpStatus.CREATED);
        assertThat(request).containsEntry("status", "OPEN").containsEntry("currentTherapistId", before.id().toString());
        problem(api.send("POST", client, PORTAL + "/therapist-change-requests", Map.of("reason", "again")),
                HttpStatus.CONFLICT);
        assertThat(list(api.get(staff, PORTAL + "/therapist-change-requests?status=OPEN")))
                .extracting(r -> r.get("id")).contains(request.get("id"));
        problem(api.get(before, PORTAL + "/therapist-change-requests"), HttpStatus.FORBIDDEN);
        String decide = PORTAL + "/therapist-change-requests/" + request.get("id");
        problem(api.send("POST", client, decide + "/approve", Map.of("therapistId", after.id())), HttpStatus.FORBIDDEN);

        assertThat(api.ok(api.send("POST", staff, decide + "/approve", Map.of("therapistId", after.id()))))
                .containsEntry("status", "APPROVED").containsEntry("newTherapistId", after.id().toString());
        problem(api.send("POST", staff, decide + "/decline", Map.of()), HttpStatus.CONFLICT);

        problem(api.get(before, "/api/v1/patients/" + client.id()), HttpStatus.NOT_FOUND);
        api.ok(api.get(after, "/api/v1/patients/" + client.id()));
        await().atMost(SOON).untilAsserted(() -> assertThat(items(api.ok(api.get(client, "/api/v1/conversations"))))
                .anySatisfy(conversation -> assertThat(conversation.toString()).contains(after.id().toString())));
        assertThat(list(api.get(client, PORTAL + "/therapist-change-requests"))).singleElement()
                .satisfies(mine -> assertThat(mine).containsEntry("status", "APPROVED"));
        await().atMost(SOON).untilAsserted(() -> assertThat(items(api.ok(api.get(client, PORTAL + "/notifications"))))
                .extracting(n -> n.get("kind")).contains("CHANGE_REQUEST_DECIDED"));
    }

    @Test
    void theDashboardGathersEveryPartAndTheFeedFollowsTheSessions() {
        Person client = api.client();
        Person therapist = api.therapist();
        api.assign(client, therapist);
        List<Map<String, Object>> stream = listen(client, "notifications");
        Instant startsAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        json(api.send("POST", therapist, "/api/v1/sessions", Map.of("clientId", client.id(), "startsAt",
                startsAt.toString(), "durationMinutes", 50, "type", "INDIVIDUAL", "telehealth", true)),
                HttpStatus.CREATED);
        // yesterday morning: this morning is still to come when the test runs after midnight
        mood(client, 7, LocalDate.now(ZoneOffset.UTC).minusDays(1), 8, "8");

        Map<String, Object> dashboard = api.ok(api.get(client, PORTAL + "/dashboard"));
        assertThat(dashboard).containsEntry("missing", List.of()).containsEntry("unreadMessages", 0);
        assertThat((List<?>) dashboard.get("upcomingSessions")).hasSize(1);
        assertThat(dashboard.get("balance")).isEqualTo(Map.of("amount", "0.00", "currency", "USD"));
        assertThat(dashboard.get("latestMood").toString()).contains("mood=7");

        await().atMost(SOON).until(() -> stream.stream().anyMatch(n -> "SESSION_SCHEDULED".equals(n.get("kind"))));
        Map<String, Object> scheduled = items(api.ok(api.get(client, PORTAL + "/notifications"))).stream()
                .filter(n -> "SESSION_SCHEDULED".equals(n.get("kind"))).findFirst().orElseThrow();
        assertThat(scheduled.get("readAt")).isNull();
        problem(api.send("POST", api.client(), PORTAL + "/notifications/" + scheduled.get("id") + "/read", null),
                HttpStatus.NOT_FOUND);
        api.send("POST", client, PORTAL + "/notifications/" + scheduled.get("id") + "/read", null)
                .expectStatus().isNoContent();
        assertThat(items(api.ok(api.get(client, PORTAL + "/notifications?unreadOnly=true"))))
                .extracting(n -> n.get("id")).doesNotContain(scheduled.get("id"));
        problem(api.get(therapist, PORTAL + "/dashboard"), HttpStatus.FORBIDDEN);
    }

    @Test
    void remindersFollowTheClientsLeadTimeAndANewMessageReachesSomeoneNotConnectedOncePerUnreadStretch()
            throws InterruptedException {
        Person client = api.client();
        Person therapist = api.therapist();
        api.assign(client, therapist);
        Instant startsAt = Instant.now().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.HOURS);
        json(api.send("POST", therapist, "/api/v1/sessions", Map.of("clientId", client.id(), "startsAt",
                startsAt.toString(), "durationMinutes", 50, "type", "INDIVIDUAL", "telehealth", false)),
                HttpStatus.CREATED);

        timed.remindOfSessions().block(SOON);
        assertThat(kinds(client)).doesNotContain("SESSION_REMINDER");
        api.ok(api.send("PUT", client, PORTAL + "/notification-preferences", Map.of("email", false, "sms", false,
                "push", true, "sessionReminders", true, "reminderHoursBefore", 48, "messageDigest", false)));
        timed.remindOfSessions().block(SOON);
        timed.remindOfSessions().block(SOON);
        assertThat(kinds(client)).containsOnlyOnce("SESSION_REMINDER");

        String conversation = await().atMost(SOON).until(() -> items(api.ok(api.get(client, "/api/v1/conversations")))
                .stream().map(c -> (String) c.get("id")).findFirst().orElse(null), id -> id != null);
        json(api.send("POST", client, "/api/v1/conversations/" + conversation + "/messages",
                Map.of("content", "See you Thursday", "type", "TEXT")), HttpStatus.CREATED);
        await().atMost(SOON).untilAsserted(() -> assertThat(kinds(therapist)).contains("NEW_MESSAGE"));
        assertThat(items(api.ok(api.get(therapist, PORTAL + "/notifications"))).toString())
                .doesNotContain("See you Thursday");

        // more messages while the first is unread tell nobody again; reading it re-arms the alert
        String messages = "/api/v1/conversations/" + conversation + "/messages";
        json(api.send("POST", client, messages, Map.of("content", "And the form", "type", "TEXT")), HttpStatus.CREATED);
        json(api.send("POST", client, messages, Map.of("content", "Thanks", "type", "TEXT")), HttpStatus.CREATED);
        api.send("POST", therapist, "/api/v1/conversations/" + conversation + "/read", null)
                .expectStatus().isNoContent();
        json(api.send("POST", client, messages, Map.of("content", "One more thing", "type", "TEXT")),
                HttpStatus.CREATED);
        await().atMost(SOON).untilAsserted(() -> assertThat(kinds(therapist))
                .filteredOn("NEW_MESSAGE"::equals).hasSize(2));

        // a muted conversation alerts nobody
        api.send("POST", therapist, "/api/v1/conversations/" + conversation + "/read", null)
                .expectStatus().isNoContent();
        api.ok(api.send("PATCH", therapist, "/api/v1/conversations/" + conversation, Map.of("muted", true)));
        json(api.send("POST", client, messages, Map.of("content", "Muted now", "type", "TEXT")), HttpStatus.CREATED);
        json(api.send("POST", client, messages, Map.of("content", "Still muted", "type", "TEXT")), HttpStatus.CREATED);
        Thread.sleep(1_000);
        assertThat(kinds(therapist)).filteredOn("NEW_MESSAGE"::equals).hasSize(2);
    }

    private List<Object> kinds(Person person) {
        return items(api.ok(api.get(person, PORTAL + "/notifications?limit=100"))).stream()
                .map(notification -> notification.get("kind")).toList();
    }

    private void mood(Person client, int mood, LocalDate day, int hour, String sleep) {
        Map<String, Object> entry = new HashMap<>(Map.of("mood", mood, "recordedAt",
                day.atTime(hour, 0).toInstant(ZoneOffset.UTC).toString(), "activities", List.of("walk")));
        if (sleep != null) {
            entry.put("sleepHours", sleep);
        }
        json(api.send("POST", client, PORTAL + "/mood-entries", entry), HttpStatus.CREATED);
    }

    /** Quiet hours from an hour ago to an hour from now, email on. */
    private void quietNow(Person person) {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        api.ok(api.send("PUT", person, PORTAL + "/notification-preferences", Map.of("email", true, "sms", false,
                "push", true, "sessionReminders", true, "reminderHoursBefore", 24, "messageDigest", false,
                "quietHours", Map.of("start", now.minusHours(1).withNano(0).toString(),
                        "end", now.plusHours(1).withNano(0).toString()), "timeZone", "UTC")));
    }

    private List<Map<String, Object>> listen(Person person, String route) {
        List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
        RSocketRequester requester = RSocketClients.connect(rsocket, strategies, RSocketClients.Transport.TCP,
                tcpPort, httpPort, person.token());
        subscriptions.add(requester.route(route).retrieveFlux(EVENT).subscribe(received::add, error -> { }));
        subscriptions.add(requester::dispose);
        // the stream is open once the server has seen the request: give it a moment
        try {
            Thread.sleep(300);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return received;
    }
}
