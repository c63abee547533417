package app.haven.billing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.shared.Role;
import app.haven.support.ApiBodies;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * The billing routes called the way the apps call them, for the billing tests, with the few
 * patients routes that make sessions to bill.
 */
final class BillingApi {

    static final String BILLING = "/api/v1/billing";

    private final WebTestClient client;
    private final TestTokens tokens;
    private final TestPeople people;

    BillingApi(WebTestClient http, TestTokens tokens, TestPeople people) {
        this.client = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        this.tokens = tokens;
        this.people = people;
    }

    record Person(UUID id, String token) {
    }

    WebTestClient http() {
        return client;
    }

    Person client() {
        return person(people.client(), Role.CLIENT);
    }

    Person therapist() {
        return person(people.therapist(), Role.THERAPIST);
    }

    Person staff() {
        return person(people.staff(), Role.STAFF);
    }

    Person admin() {
        return person(people.admin(), Role.ADMIN);
    }

    Person owing(String amount) {
        Person patient = person(people.client(), Role.CLIENT);
        charge(person(people.staff(), Role.STAFF), patient, "90834", amount).expectStatus().isCreated();
        return patient;
    }

    Person person(UUID id, Role role) {
        return new Person(id, tokens.of(id, role));
    }

    void assign(Person patient, Person therapist) {
        send("POST", person(people.staff(), Role.STAFF), "/api/v1/patients/" + patient.id() + "/assignments",
                Map.of("therapistId", therapist.id())).expectStatus().isCreated();
    }

    Map<String, Object> completedSession(Person therapist, Person patient, int minutes, boolean telehealth) {
        Map<String, Object> booking = new LinkedHashMap<>();
        booking.put("clientId", patient.id());
        booking.put("startsAt", Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES).toString());
        booking.put("durationMinutes", minutes);
        booking.put("type", "INDIVIDUAL");
        booking.put("telehealth", telehealth);
        Map<String, Object> session = json(send("POST", therapist, "/api/v1/sessions", booking), HttpStatus.CREATED);
        return json(send("POST", therapist, "/api/v1/sessions/" + session.get("id") + "/complete",
                Map.of("notes", "Worked on sleep.")), HttpStatus.OK);
    }

    WebTestClient.ResponseSpec charge(Person staff, Person patient, String code, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", patient.id());
        body.put("serviceCode", code);
        body.put("serviceDate", "2026-11-02");
        if (amount != null) {
            body.put("amount", amount);
        }
        return send("POST", staff, BILLING + "/charges", body);
    }

    static Map<String, Object> card(String amount, String token) {
        return Map.of("amount", amount, "method", "CARD", "cardToken", token);
    }

    WebTestClient.ResponseSpec pay(Person payer, String key, Map<String, Object> body) {
        return client.post().uri(BILLING + "/payments").headers(h -> {
                    h.setBearerAuth(payer.token());
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    Map<String, Object> balance(Person patient) {
        return json(get(patient, BILLING + "/balance"), HttpStatus.OK);
    }

    List<Map<String, Object>> charges(Person patient) {
        return items(get(patient, BILLING + "/charges"));
    }

    List<Map<String, Object>> payments(Person patient) {
        return items(get(patient, BILLING + "/payments"));
    }

    List<Map<String, Object>> awaitCharges(Person patient, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> charges(patient).size() >= count);
        return charges(patient);
    }

    WebTestClient.ResponseSpec get(Person caller, String path) {
        return client.get().uri(path).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    WebTestClient.ResponseSpec send(String method, Person caller, String path, Object body) {
        return client.method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(caller.token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(WebTestClient.ResponseSpec response) {
        return (List<Map<String, Object>>) json(response, HttpStatus.OK).get("items");
    }

    static List<Map<String, Object>> list(WebTestClient.ResponseSpec response) {
        return Objects.requireNonNull(response.expectStatus().isOk()
                .expectBodyList(ApiBodies.JSON).returnResult().getResponseBody());
    }

    static Map<String, Object> json(WebTestClient.ResponseSpec response, HttpStatus status) {
        return Objects.requireNonNull(response.expectStatus().isEqualTo(status).expectBody(ApiBodies.JSON)
                .returnResult().getResponseBody());
    }
}
