package app.haven.billing;

import static app.haven.support.ApiBodies.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.billing.application.PostCharges;
import app.haven.shared.Role;
import app.haven.support.ApiBodies;
import app.haven.support.HavenTest;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Billing over real HTTP with real tokens: a completed session becomes exactly one charge at its
 * code's fee, payments are idempotent, validated, serialised and sometimes declined, staff refund,
 * and everyone sees only the billing they may.
 */
@HavenTest
class BillingFlowIT {

    private static final String BILLING = "/api/v1/billing";

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired PostCharges postCharges;

    private WebTestClient client;

    @BeforeEach
    void setUp() {
        client = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    record Person(UUID id, String token) {
    }

    @Test
    void aCompletedSessionIsChargedOnceAtItsCodesFeeHoweverOftenItsEventArrives() {
        Person patient = person(people.client(), Role.CLIENT);
        Person therapist = person(people.therapist(), Role.THERAPIST);
        assign(patient, therapist);
        Map<String, Object> session = completedSession(therapist, patient, 50, true);
        UUID sessionId = UUID.fromString((String) session.get("id"));

        List<Map<String, Object>> charges = awaitCharges(patient, 1);
        assertThat(charges.get(0)).containsEntry("sessionId", sessionId.toString()).containsEntry("kind", "SESSION")
                .containsEntry("serviceCode", "90834").containsEntry("amount", "140.00").containsEntry("currency", "USD")
                .containsEntry("modifier", "95").containsEntry("placeOfService", "02");

        // the same event delivered again, twice at once and once more: still one charge
        Instant startsAt = Instant.parse((String) session.get("startsAt"));
        Flux.range(0, 3).flatMap(i -> postCharges.completed(sessionId, patient.id(), "90834", true, startsAt)
                .subscribeOn(Schedulers.boundedElastic())).blockLast(Duration.ofSeconds(30));
        assertThat(charges(patient)).hasSize(1);
        assertThat(balance(patient)).containsEntry("totalCharges", "140.00").containsEntry("balance", "140.00");
    }

    @Test
    void aFeeChangeReachesNewChargesOnlyAndOnlyAdministratorsMakeIt() {
        Person patient = person(people.client(), Role.CLIENT);
        Person staff = person(people.staff(), Role.STAFF);
        Person admin = person(people.admin(), Role.ADMIN);
        charge(staff, patient, "90853", null).expectStatus().isCreated();
        problem(send("PUT", staff, BILLING + "/service-codes/90853", Map.of("fee", "75.00")), HttpStatus.FORBIDDEN);
        Map<String, Object> changed = json(send("PUT", admin, BILLING + "/service-codes/90853", Map.of("fee", "75.00")),
                HttpStatus.OK);
        assertThat(changed).containsEntry("fee", "75.00");
        charge(staff, patient, "90853", null).expectStatus().isCreated();
        assertThat(charges(patient)).extracting(charge -> charge.get("amount")).containsExactly("60.00", "75.00");
        json(send("PUT", admin, BILLING + "/service-codes/90853", Map.of("fee", "60.00")), HttpStatus.OK);

        problem(send("PUT", admin, BILLING + "/service-codes/90853", Map.of("fee", "-1")), HttpStatus.BAD_REQUEST);
        problem(send("PUT", admin, BILLING + "/service-codes/99999", Map.of("fee", "10")), HttpStatus.NOT_FOUND);
        assertThat(list(client.get().uri(BILLING + "/service-codes").headers(h -> h.setBearerAuth(patient.token()))
                .exchange())).extracting(code -> code.get("code"))
                .contains("90791", "90832", "90834", "90837", "90839", "90846", "90847", "90853");
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstPaymentAndAnotherBodyUnderItIsRefused() {
        Person patient = owing("200.00");
        Map<String, Object> body = card("50.00", "tok_visa");

        Map<String, Object> first = json(pay(patient, "key-1", body), HttpStatus.CREATED);
        Map<String, Object> again = json(pay(patient, "key-1", body), HttpStatus.CREATED);
        assertThat(again).isEqualTo(first);
        assertThat((String) first.get("confirmationNumber")).matches("HV-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(first).containsEntry("status", "COMPLETED").containsEntry("amount", "50.00");
        problem(pay(patient, "key-1", card("60.00", "tok_visa")), HttpStatus.CONFLICT);
        problem(client.post().uri(BILLING + "/payments").headers(h -> h.setBearerAuth(patient.token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), HttpStatus.BAD_REQUEST);

        assertThat(balance(patient)).containsEntry("totalPayments", "50.00").containsEntry("balance", "150.00");
        assertThat(payments(patient)).hasSize(1);
    }

    @Test
    void everyAmountRuleIsABadRequestAndChangesNothing() {
        Person patient = owing("100.00");
        for (String amount : List.of("0", "0.00", "-5.00", "10.005", "100.01")) {
            problem(pay(patient, "bad-" + amount, card(amount, "tok_visa")), HttpStatus.BAD_REQUEST);
        }
        problem(pay(patient, "no-token", Map.of("amount", "10.00", "method", "CARD")), HttpStatus.BAD_REQUEST);
        problem(pay(patient, "cash", Map.of("amount", "10.00", "method", "CASH")), HttpStatus.BAD_REQUEST);
        problem(pay(patient, "bogus", Map.of("amount", "10.00", "method", "BITCOIN", "cardToken", "tok_visa")),
                HttpStatus.BAD_REQUEST);
        assertThat(payments(patient)).isEmpty();
        assertThat(balance(patient)).containsEntry("balance", "100.00");
        assertThat(json(pay(patient, "exact", card("100.00", "tok_visa")), HttpStatus.CREATED))
                .containsEntry("status", "COMPLETED");
        assertThat(balance(patient)).containsEntry("balance", "0.00");
    }

    @Test
    void concurrentPaymentsNeverOverdrawTheBalance() {
        Person patient = owing("100.00");
        List<HttpStatus> answers = new CopyOnWriteArrayList<>();
        Flux.range(0, 8).flatMap(i -> Flux.defer(() -> {
                    answers.add(HttpStatus.valueOf(pay(patient, "race-" + i, card("30.00", "tok_visa"))
                            .returnResult(Void.class).getStatus().value()));
                    return Flux.empty();
                }).subscribeOn(Schedulers.boundedElastic()), 8)
                .blockLast(Duration.ofSeconds(60));

        assertThat(answers.stream().filter(HttpStatus.CREATED::equals)).hasSize(3);
        assertThat(answers.stream().filter(HttpStatus.BAD_REQUEST::equals)).hasSize(5);
        assertThat(balance(patient)).containsEntry("balance", "10.00");
    }

    @Test
    void aDeclinedCardIsRecordedAndChangesNothingAndStaffRefundAPayment() {
        Person patient = owing("80.00");
        Person staff = person(people.staff(), Role.STAFF);
        Map<String, Object> declined = problem(pay(patient, "declined", card("80.00", "tok_chargeDeclined")),
                HttpStatus.PAYMENT_REQUIRED);
        assertThat(declined).containsEntry("paymentStatus", "DECLINED").containsKeys("paymentId", "confirmationNumber");
        assertThat(balance(patient)).containsEntry("balance", "80.00");
        assertThat(payments(patient)).singleElement().satisfies(payment -> assertThat(payment)
                .containsEntry("status", "DECLINED"));

        Map<String, Object> paid = json(pay(patient, "paid", card("80.00", "tok_mastercard")), HttpStatus.CREATED);
        assertThat(balance(patient)).containsEntry("balance", "0.00");
        problem(client.post().uri(BILLING + "/payments/{id}/refund", paid.get("id"))
                .headers(h -> h.setBearerAuth(patient.token())).exchange(), HttpStatus.FORBIDDEN);
        assertThat(json(client.post().uri(BILLING + "/payments/{id}/refund", paid.get("id"))
                .headers(h -> h.setBearerAuth(staff.token())).exchange(), HttpStatus.OK)).containsEntry("status", "REFUNDED");
        assertThat(balance(patient)).containsEntry("balance", "80.00").containsEntry("totalPayments", "0.00");
        problem(client.post().uri(BILLING + "/payments/{id}/refund", paid.get("id"))
                .headers(h -> h.setBearerAuth(staff.token())).exchange(), HttpStatus.CONFLICT);
        problem(client.post().uri(BILLING + "/payments/{id}/refund", declined.get("paymentId"))
                .headers(h -> h.setBearerAuth(staff.token())).exchange(), HttpStatus.CONFLICT);

        // staff record a cash payment for the client
        assertThat(json(pay(staff, "cash-1", Map.of("amount", "30.00", "method", "CASH", "clientId", patient.id())),
                HttpStatus.CREATED)).containsEntry("method", "CASH");
        assertThat(balance(patient)).containsEntry("balance", "50.00");
    }

    @Test
    void eachSeesOnlyTheBillingTheyMay() {
        Person patient = owing("40.00");
        Person other = person(people.client(), Role.CLIENT);
        Person therapist = person(people.therapist(), Role.THERAPIST);
        Person staff = person(people.staff(), Role.STAFF);

        for (String path : List.of("/balance", "/charges", "/payments")) {
            problem(get(other, BILLING + path + "?clientId=" + patient.id()), HttpStatus.NOT_FOUND);
            problem(get(therapist, BILLING + path + "?clientId=" + patient.id()), HttpStatus.FORBIDDEN);
            problem(get(staff, BILLING + path), HttpStatus.BAD_REQUEST);
            get(staff, BILLING + path + "?clientId=" + patient.id()).expectStatus().isOk();
        }
        problem(pay(other, "not-mine", Map.of("amount", "10.00", "method", "CARD", "cardToken", "tok_visa",
                "clientId", patient.id())), HttpStatus.NOT_FOUND);
        problem(charge(other, patient, "90834", null), HttpStatus.FORBIDDEN);
        problem(charge(therapist, patient, "90834", null), HttpStatus.FORBIDDEN);
        assertThat(balance(other)).containsEntry("balance", "0.00");
        assertThat(balance(patient)).containsEntry("balance", "40.00");
    }

    // ---- helpers

    private Person owing(String amount) {
        Person patient = person(people.client(), Role.CLIENT);
        charge(person(people.staff(), Role.STAFF), patient, "90834", amount).expectStatus().isCreated();
        return patient;
    }

    private Person person(UUID id, Role role) {
        return new Person(id, tokens.of(id, role));
    }

    private void assign(Person patient, Person therapist) {
        send("POST", person(people.staff(), Role.STAFF), "/api/v1/patients/" + patient.id() + "/assignments",
                Map.of("therapistId", therapist.id())).expectStatus().isCreated();
    }

    private Map<String, Object> completedSession(Person therapist, Person patient, int minutes, boolean telehealth) {
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

    private WebTestClient.ResponseSpec charge(Person staff, Person patient, String code, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", patient.id());
        body.put("serviceCode", code);
        body.put("serviceDate", "2026-11-02");
        if (amount != null) {
            body.put("amount", amount);
        }
        return send("POST", staff, BILLING + "/charges", body);
    }

    private static Map<String, Object> card(String amount, String token) {
        return Map.of("amount", amount, "method", "CARD", "cardToken", token);
    }

    private WebTestClient.ResponseSpec pay(Person payer, String key, Map<String, Object> body) {
        return client.post().uri(BILLING + "/payments").headers(h -> {
                    h.setBearerAuth(payer.token());
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private Map<String, Object> balance(Person patient) {
        return json(get(patient, BILLING + "/balance"), HttpStatus.OK);
    }

    private List<Map<String, Object>> charges(Person patient) {
        return items(get(patient, BILLING + "/charges"));
    }

    private List<Map<String, Object>> payments(Person patient) {
        return items(get(patient, BILLING + "/payments"));
    }

    private List<Map<String, Object>> awaitCharges(Person patient, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> charges(patient).size() >= count);
        return charges(patient);
    }

    private WebTestClient.ResponseSpec get(Person caller, String path) {
        return client.get().uri(path).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    private WebTestClient.ResponseSpec send(String method, Person caller, String path, Object body) {
        return client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(caller.token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(WebTestClient.ResponseSpec response) {
        return (List<Map<String, Object>>) json(response, HttpStatus.OK).get("items");
    }

    private static List<Map<String, Object>> list(WebTestClient.ResponseSpec response) {
        return Objects.requireNonNull(response.expectStatus().isOk()
                .expectBodyList(ApiBodies.JSON).returnResult().getResponseBody());
    }

    private static Map<String, Object> json(WebTestClient.ResponseSpec response, HttpStatus status) {
        return Objects.requireNonNull(response.expectStatus().isEqualTo(status).expectBody(ApiBodies.JSON)
                .returnResult().getResponseBody());
    }
}
