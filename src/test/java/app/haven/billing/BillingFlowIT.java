package app.haven.billing;

import static app.haven.billing.BillingApi.BILLING;
import static app.haven.billing.BillingApi.card;
import static app.haven.billing.BillingApi.json;
import static app.haven.billing.BillingApi.list;
import static app.haven.support.ApiBodies.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.billing.BillingApi.Person;
import app.haven.billing.application.PostCharges;
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

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired PostCharges postCharges;

    private BillingApi api;

    @BeforeEach
    void setUp() {
        api = new BillingApi(http, tokens, people);
    }

    @Test
    void aCompletedSessionIsChargedOnceAtItsCodesFeeHoweverOftenItsEventArrives() {
        Person patient = api.client();
        Person therapist = api.therapist();
        api.assign(patient, therapist);
        Map<String, Object> session = api.completedSession(therapist, patient, 50, true);
        UUID sessionId = UUID.fromString((String) session.get("id"));

        List<Map<String, Object>> charges = api.awaitCharges(patient, 1);
        assertThat(charges.get(0)).containsEntry("sessionId", sessionId.toString()).containsEntry("kind", "SESSION")
                .containsEntry("serviceCode", "90834").containsEntry("amount", "140.00").containsEntry("currency", "USD")
                .containsEntry("modifier", "95").containsEntry("placeOfService", "02");

        // the same event delivered again, twice at once and once more: still one charge
        Instant startsAt = Instant.parse((String) session.get("startsAt"));
        Flux.range(0, 3).flatMap(i -> postCharges.completed(
                        new PostCharges.SessionFacts(sessionId, patient.id(), therapist.id(), startsAt), "90834", true)
                .subscribeOn(Schedulers.boundedElastic())).blockLast(Duration.ofSeconds(30));
        assertThat(api.charges(patient)).hasSize(1);
        assertThat(api.balance(patient)).containsEntry("totalCharges", "140.00").containsEntry("balance", "140.00");
    }

    @Test
    void aFeeChangeReachesNewChargesOnlyAndOnlyAdministratorsMakeIt() {
        Person patient = api.client();
        Person staff = api.staff();
        Person admin = api.admin();
        api.charge(staff, patient, "90853", null).expectStatus().isCreated();
        problem(api.send("PUT", staff, BILLING + "/service-codes/90853", Map.of("fee", "75.00")), HttpStatus.FORBIDDEN);
        Map<String, Object> changed = json(api.send("PUT", admin, BILLING + "/service-codes/90853", Map.of("fee", "75.00")),
                HttpStatus.OK);
        assertThat(changed).containsEntry("fee", "75.00");
        api.charge(staff, patient, "90853", null).expectStatus().isCreated();
        assertThat(api.charges(patient)).extracting(charge -> charge.get("amount")).containsExactly("60.00", "75.00");
        json(api.send("PUT", admin, BILLING + "/service-codes/90853", Map.of("fee", "60.00")), HttpStatus.OK);

        problem(api.send("PUT", admin, BILLING + "/service-codes/90853", Map.of("fee", "-1")), HttpStatus.BAD_REQUEST);
        problem(api.send("PUT", admin, BILLING + "/service-codes/99999", Map.of("fee", "10")), HttpStatus.NOT_FOUND);
        assertThat(list(api.http().get().uri(BILLING + "/service-codes").headers(h -> h.setBearerAuth(patient.token()))
                .exchange())).extracting(code -> code.get("code"))
                .contains("90791", "90832", "90834", "90837", "90839", "90846", "90847", "90853");
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstPaymentAndAnotherBodyUnderItIsRefused() {
        Person patient = api.owing("200.00");
        Map<String, Object> body = card("50.00", "tok_visa");

        Map<String, Object> first = json(api.pay(patient, "key-1", body), HttpStatus.CREATED);
        Map<String, Object> again = json(api.pay(patient, "key-1", body), HttpStatus.CREATED);
        assertThat(again).isEqualTo(first);
        assertThat((String) first.get("confirmationNumber")).matches("HV-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(first).containsEntry("status", "COMPLETED").containsEntry("amount", "50.00");
        problem(api.pay(patient, "key-1", card("60.00", "tok_visa")), HttpStatus.CONFLICT);
        problem(api.http().post().uri(BILLING + "/payments").headers(h -> h.setBearerAuth(patient.token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), HttpStatus.BAD_REQUEST);

        assertThat(api.balance(patient)).containsEntry("totalPayments", "50.00").containsEntry("balance", "150.00");
        assertThat(api.payments(patient)).hasSize(1);
    }

    @Test
    void everyAmountRuleIsABadRequestAndChangesNothing() {
        Person patient = api.owing("100.00");
        for (String amount : List.of("0", "0.00", "-5.00", "10.005", "100.01")) {
            problem(api.pay(patient, "bad-" + amount, card(amount, "tok_visa")), HttpStatus.BAD_REQUEST);
        }
        problem(api.pay(patient, "no-token", Map.of("amount", "10.00", "method", "CARD")), HttpStatus.BAD_REQUEST);
        problem(api.pay(patient, "cash", Map.of("amount", "10.00", "method", "CASH")), HttpStatus.BAD_REQUEST);
        problem(api.pay(patient, "bogus", Map.of("amount", "10.00", "method", "BITCOIN", "cardToken", "tok_visa")),
                HttpStatus.BAD_REQUEST);
        assertThat(api.payments(patient)).isEmpty();
        assertThat(api.balance(patient)).containsEntry("balance", "100.00");
        assertThat(json(api.pay(patient, "exact", card("100.00", "tok_visa")), HttpStatus.CREATED))
                .containsEntry("status", "COMPLETED");
        assertThat(api.balance(patient)).containsEntry("balance", "0.00");
    }

    @Test
    void concurrentPaymentsNeverOverdrawTheBalance() {
        Person patient = api.owing("100.00");
        List<HttpStatus> answers = new CopyOnWriteArrayList<>();
        Flux.range(0, 8).flatMap(i -> Flux.defer(() -> {
                    answers.add(HttpStatus.valueOf(api.pay(patient, "race-" + i, card("30.00", "tok_visa"))
                            .returnResult(Void.class).getStatus().value()));
                    return Flux.empty();
                }).subscribeOn(Schedulers.boundedElastic()), 8)
                .blockLast(Duration.ofSeconds(60));

        assertThat(answers.stream().filter(HttpStatus.CREATED::equals)).hasSize(3);
        assertThat(answers.stream().filter(HttpStatus.BAD_REQUEST::equals)).hasSize(5);
        assertThat(api.balance(patient)).containsEntry("balance", "10.00");
    }

    @Test
    void aDeclinedCardIsRecordedAndChangesNothingAndStaffRefundAPayment() {
        Person patient = api.owing("80.00");
        Person staff = api.staff();
        Map<String, Object> declined = problem(api.pay(patient, "declined", card("80.00", "tok_chargeDeclined")),
                HttpStatus.PAYMENT_REQUIRED);
        assertThat(declined).containsEntry("paymentStatus", "DECLINED").containsKeys("paymentId", "confirmationNumber");
        assertThat(api.balance(patient)).containsEntry("balance", "80.00");
        assertThat(api.payments(patient)).singleElement().satisfies(payment -> assertThat(payment)
                .containsEntry("status", "DECLINED"));

        Map<String, Object> paid = json(api.pay(patient, "paid", card("80.00", "tok_mastercard")), HttpStatus.CREATED);
        assertThat(api.balance(patient)).containsEntry("balance", "0.00");
        problem(api.http().post().uri(BILLING + "/payments/{id}/refund", paid.get("id"))
                .headers(h -> h.setBearerAuth(patient.token())).exchange(), HttpStatus.FORBIDDEN);
        assertThat(json(api.http().post().uri(BILLING + "/payments/{id}/refund", paid.get("id"))
                .headers(h -> h.setBearerAuth(staff.token())).exchange(), HttpStatus.OK)).containsEntry("status", "REFUNDED");
        assertThat(api.balance(patient)).containsEntry("balance", "80.00").containsEntry("totalPayments", "0.00");
        problem(api.http().post().uri(BILLING + "/payments/{id}/refund", paid.get("id"))
                .headers(h -> h.setBearerAuth(staff.token())).exchange(), HttpStatus.CONFLICT);
        problem(api.http().post().uri(BILLING + "/payments/{id}/refund", declined.get("paymentId"))
                .headers(h -> h.setBearerAuth(staff.token())).exchange(), HttpStatus.CONFLICT);

        // staff record a cash payment for the client
        assertThat(json(api.pay(staff, "cash-1", Map.of("amount", "30.00", "method", "CASH", "clientId", patient.id())),
                HttpStatus.CREATED)).containsEntry("method", "CASH");
        assertThat(api.balance(patient)).containsEntry("balance", "50.00");
    }

    @Test
    void eachSeesOnlyTheBillingTheyMay() {
        Person patient = api.owing("40.00");
        Person other = api.client();
        Person therapist = api.therapist();
        Person staff = api.staff();

        for (String path : List.of("/balance", "/charges", "/payments")) {
            problem(api.get(other, BILLING + path + "?clientId=" + patient.id()), HttpStatus.NOT_FOUND);
            problem(api.get(therapist, BILLING + path + "?clientId=" + patient.id()), HttpStatus.FORBIDDEN);
            problem(api.get(staff, BILLING + path), HttpStatus.BAD_REQUEST);
            api.get(staff, BILLING + path + "?clientId=" + patient.id()).expectStatus().isOk();
        }
        problem(api.pay(other, "not-mine", Map.of("amount", "10.00", "method", "CARD", "cardToken", "tok_visa",
                "clientId", patient.id())), HttpStatus.NOT_FOUND);
        problem(api.charge(other, patient, "90834", null), HttpStatus.FORBIDDEN);
        problem(api.charge(therapist, patient, "90834", null), HttpStatus.FORBIDDEN);
        assertThat(api.balance(other)).containsEntry("balance", "0.00");
        assertThat(api.balance(patient)).containsEntry("balance", "40.00");
    }
}
