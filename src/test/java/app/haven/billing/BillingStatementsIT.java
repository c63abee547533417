package app.haven.billing;

import static app.haven.billing.BillingApi.BILLING;
import static app.haven.billing.BillingApi.card;
import static app.haven.billing.BillingApi.json;
import static app.haven.support.ApiBodies.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.billing.BillingApi.Person;
import app.haven.patients.ClientProfiles;
import app.haven.support.HavenTest;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * Monthly statements and superbills over real HTTP: the month's figures add up and close on the
 * balance the client sees, the PDF shows the same figures, an incomplete superbill lists what is
 * missing instead of being printed, and nobody reads a statement that is not theirs.
 */
@HavenTest
class BillingStatementsIT {

    private static final String VALID_NPI = "1234567893";

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired ClientProfiles profiles;

    private BillingApi api;

    @BeforeEach
    void setUp() {
        api = new BillingApi(http, tokens, people);
    }

    @Test
    void aStatementClosesOnTheBalanceAndItsPdfShowsTheSameFigures() throws IOException {
        Person patient = api.client();
        Person therapist = api.therapist();
        Person staff = api.staff();
        api.assign(patient, therapist);
        diagnose(therapist, patient, "F41.1", "F32.0");
        profiles.update(patient.id(), new ClientProfiles.Profile(LocalDate.of(1990, 4, 12), "+1 555 0111",
                new ClientProfiles.Address("7 Elm Road", null, "Portland", "ME", "04102", "US"), List.of())).block();
        json(api.send("PUT", staff, BILLING + "/providers/" + therapist.id(),
                Map.of("credentials", "LCSW", "npi", VALID_NPI)), HttpStatus.OK);

        api.completedSession(therapist, patient, 50, true);
        Map<String, Object> sessionCharge = api.awaitCharges(patient, 1).get(0);
        YearMonth month = YearMonth.parse(((String) sessionCharge.get("serviceDate")).substring(0, 7));
        Map<String, Object> earlier = manualCharge(staff, patient, month.minusMonths(1).atDay(10), "40.00");
        Map<String, Object> paid = json(api.pay(patient, "statement-1", card("50.00", "tok_visa")), HttpStatus.CREATED);
        boolean paidBeforeTheMonth = YearMonth.from(Instant.parse((String) paid.get("receivedAt"))
                .atZone(ZoneOffset.UTC)).isBefore(month);

        Map<String, Object> statement = statement(patient, month, null);
        assertThat(statement).containsEntry("yearMonth", month.toString()).containsEntry("currency", "USD")
                .containsEntry("openingBalance", paidBeforeTheMonth ? "-10.00" : "40.00")
                .containsEntry("totalCharges", "140.00")
                .containsEntry("totalPayments", paidBeforeTheMonth ? "0.00" : "50.00")
                .containsEntry("closingBalance", "130.00");
        assertThat(statement.get("closingBalance")).isEqualTo(api.balance(patient).get("balance"));
        assertThat(maps(statement.get("charges"))).singleElement()
                .satisfies(charge -> assertThat(charge).containsEntry("id", sessionCharge.get("id"))
                        .containsEntry("status", "POSTED"));

        Map<String, Object> superbill = map(statement.get("superbill"));
        assertThat(superbill).containsEntry("complete", true).containsEntry("missingFields", List.of())
                .containsEntry("diagnoses", List.of("F41.1", "F32.0")).containsEntry("total", "140.00");
        assertThat(map(superbill.get("practice"))).containsEntry("name", "Harbour Counselling")
                .containsEntry("taxId", "12-3456789");
        assertThat(map(superbill.get("client"))).containsEntry("dateOfBirth", "1990-04-12");
        assertThat(maps(superbill.get("providers"))).singleElement().satisfies(provider -> assertThat(provider)
                .containsEntry("id", therapist.id().toString()).containsEntry("credentials", "LCSW")
                .containsEntry("npi", VALID_NPI));
        assertThat(maps(superbill.get("lines"))).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("serviceCode", "90834").containsEntry("modifiers", List.of("95"))
                .containsEntry("placeOfService", "02").containsEntry("units", 1).containsEntry("amount", "140.00")
                // 50.00 paid: the earlier 40.00 first, 10.00 left for this one
                .containsEntry("paidStatus", "PARTIALLY_PAID"));

        Map<String, Object> previous = statement(staff, month.minusMonths(1), patient);
        assertThat(maps(previous.get("charges"))).extracting(charge -> charge.get("id")).contains(earlier.get("id"));

        String pdf = pdfText(api.http().get().uri(BILLING + "/statements/{month}", month)
                .headers(h -> h.setBearerAuth(patient.token())).accept(MediaType.APPLICATION_PDF).exchange());
        assertThat(pdf).contains("Harbour Counselling", "Tax ID 12-3456789", "Closing balance", "130.00 USD",
                "140.00 USD", "LCSW", "NPI " + VALID_NPI, "F41.1, F32.0", "90834", "95", "PARTIALLY PAID")
                .doesNotContain("Superbill not issued");
    }

    @Test
    void aSuperbillWithoutTheNpiListsWhatIsMissingInsteadOfPrintingIt() throws IOException {
        Person patient = api.client();
        Person therapist = api.therapist();
        api.assign(patient, therapist);
        json(api.send("PUT", therapist, BILLING + "/providers/" + therapist.id(), Map.of("credentials", "PhD")),
                HttpStatus.OK);
        api.completedSession(therapist, patient, 60, false);
        String serviceDate = (String) api.awaitCharges(patient, 1).get(0).get("serviceDate");
        YearMonth month = YearMonth.parse(serviceDate.substring(0, 7));

        Map<String, Object> superbill = map(statement(patient, month, null).get("superbill"));
        assertThat(superbill).containsEntry("complete", false);
        assertThat(superbill.get("missingFields")).isEqualTo(List.of("client.dateOfBirth",
                "client.address.line1", "client.address.city", "client.address.region", "client.address.postalCode",
                "diagnoses", "providers[0].npi"));
        assertThat(maps(superbill.get("lines"))).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("serviceCode", "90837").containsEntry("modifiers", List.of())
                .containsEntry("placeOfService", "11").containsEntry("paidStatus", "UNPAID"));

        String pdf = pdfText(api.http().get().uri(BILLING + "/statements/{month}", month)
                .headers(h -> h.setBearerAuth(patient.token())).accept(MediaType.APPLICATION_PDF).exchange());
        assertThat(pdf).contains("Superbill not issued", "providers[0].npi", "diagnoses", "180.00 USD")
                .doesNotContain("Rendering provider");
    }

    @Test
    void providerDetailsAreValidatedAndKeptByStaffOrTheTherapistThemselves() {
        Person therapist = api.therapist();
        Person colleague = api.therapist();
        Person patient = api.client();
        String path = BILLING + "/providers/" + therapist.id();

        problem(api.send("PUT", therapist, path, Map.of("npi", "1234567890")), HttpStatus.BAD_REQUEST);
        problem(api.send("PUT", therapist, path, Map.of("npi", "12345")), HttpStatus.BAD_REQUEST);
        problem(api.send("PUT", therapist, path, Map.of("credentials", "<script>")), HttpStatus.BAD_REQUEST);
        problem(api.send("PUT", colleague, path, Map.of("npi", VALID_NPI)), HttpStatus.FORBIDDEN);
        problem(api.send("PUT", patient, path, Map.of("npi", VALID_NPI)), HttpStatus.FORBIDDEN);
        problem(api.get(patient, path), HttpStatus.FORBIDDEN);
        problem(api.send("PUT", api.staff(), BILLING + "/providers/" + patient.id(), Map.of("npi", VALID_NPI)),
                HttpStatus.NOT_FOUND);
        assertThat(json(api.get(api.staff(), path), HttpStatus.OK)).containsEntry("npi", null);

        json(api.send("PUT", therapist, path, Map.of("credentials", "LMFT", "npi", VALID_NPI)), HttpStatus.OK);
        assertThat(json(api.get(api.admin(), path), HttpStatus.OK)).containsEntry("credentials", "LMFT")
                .containsEntry("npi", VALID_NPI);
    }

    @Test
    void nobodyReadsAStatementThatIsNotTheirs() {
        Person patient = api.owing("25.00");
        Person other = api.client();
        Person therapist = api.therapist();
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        String path = BILLING + "/statements/" + month + "?clientId=" + patient.id();

        problem(api.get(other, path), HttpStatus.NOT_FOUND);
        problem(api.http().get().uri(path).headers(h -> h.setBearerAuth(other.token()))
                .accept(MediaType.APPLICATION_PDF).exchange(), HttpStatus.NOT_FOUND);
        problem(api.get(therapist, path), HttpStatus.FORBIDDEN);
        problem(api.get(api.staff(), BILLING + "/statements/" + month), HttpStatus.BAD_REQUEST);
        problem(api.get(patient, BILLING + "/statements/2026-13"), HttpStatus.BAD_REQUEST);
        problem(api.get(patient, BILLING + "/statements/november"), HttpStatus.BAD_REQUEST);
        problem(api.get(api.staff(), BILLING + "/statements/" + month + "?clientId=" + therapist.id()),
                HttpStatus.NOT_FOUND);
        assertThat(json(api.get(other, BILLING + "/statements/" + month), HttpStatus.OK))
                .containsEntry("closingBalance", "0.00");
    }

    private Map<String, Object> statement(Person caller, YearMonth month, Person of) {
        return json(api.get(caller, BILLING + "/statements/" + month + (of == null ? "" : "?clientId=" + of.id())),
                HttpStatus.OK);
    }

    private Map<String, Object> manualCharge(Person staff, Person patient, LocalDate serviceDate, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", patient.id());
        body.put("serviceCode", "90832");
        body.put("serviceDate", serviceDate.toString());
        body.put("amount", amount);
        return json(api.send("POST", staff, BILLING + "/charges", body), HttpStatus.CREATED);
    }

    private void diagnose(Person therapist, Person patient, String... codes) {
        json(api.send("PATCH", therapist, "/api/v1/patients/" + patient.id(), Map.of("diagnosis", List.of(codes))),
                HttpStatus.OK);
    }

    private static String pdfText(WebTestClient.ResponseSpec response) throws IOException {
        byte[] bytes = Objects.requireNonNull(response.expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"statement-.*\\.pdf\"")
                .expectBody(byte[].class).returnResult().getResponseBody());
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
