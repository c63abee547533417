package app.haven.worksheets;

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
import org.springframework.web.reactive.function.BodyInserters;

import app.haven.shared.Role;
import app.haven.support.ApiBodies;
import app.haven.support.SampleFiles;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/** The worksheet routes called the way the apps call them, by real accounts with real tokens. */
final class WorksheetsApi {

    static final String WORKSHEETS = "/api/v1/worksheets";
    static final String WORKSHEET = WORKSHEETS + "/{id}";

    record Person(UUID id, Role role, String token) {
    }

    private final WebTestClient http;
    private final TestTokens tokens;
    private final TestPeople people;

    WorksheetsApi(WebTestClient http, TestTokens tokens, TestPeople people) {
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        this.tokens = tokens;
        this.people = people;
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

    Person person(UUID id, Role role) {
        return new Person(id, role, tokens.of(id, role));
    }

    /** Staff make {@code therapist} the client's therapist. */
    void assign(Person client, Person therapist) {
        send(HttpMethod.POST, staff(), Map.of("therapistId", therapist.id()), "/api/v1/patients/{id}/assignments",
                client.id()).expectStatus().isCreated();
    }

    /** A therapist with a client of their own. */
    Person[] pair() {
        Person client = client();
        Person therapist = therapist();
        assign(client, therapist);
        return new Person[] { client, therapist };
    }

    static Map<String, Object> assignment(Person client, String title, Instant dueDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", client.id());
        body.put("title", title);
        body.put("instructions", "Write down three thoughts and what you did next.");
        body.put("dueDate", dueDate.toString());
        return body;
    }

    static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    Map<String, Object> assigned(Person therapist, Person client, String title) {
        return json(send(HttpMethod.POST, therapist, assignment(client, title, inDays(7)), WORKSHEETS),
                HttpStatus.CREATED);
    }

    WebTestClient.ResponseSpec get(Person caller, String path, Object... variables) {
        return http.get().uri(path, variables).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    Map<String, Object> worksheet(Person caller, Object id) {
        return json(get(caller, WORKSHEET, id), HttpStatus.OK);
    }

    WebTestClient.ResponseSpec send(HttpMethod method, Person caller, Object body, String path, Object... variables) {
        return http.method(method).uri(path, variables).headers(h -> h.setBearerAuth(caller.token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec post(Person caller, String path, Object... variables) {
        return http.post().uri(path, variables).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    WebTestClient.ResponseSpec delete(Person caller, String path, Object... variables) {
        return http.delete().uri(path, variables).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    WebTestClient.ResponseSpec upload(Person caller, Object worksheetId, String kind, String filename, byte[] bytes) {
        return http.post().uri(WORKSHEET + "/" + kind, worksheetId).headers(h -> h.setBearerAuth(caller.token()))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(SampleFiles.multipart(filename, bytes))).exchange();
    }

    WebTestClient.ResponseSpec download(Person caller, Object worksheetId, Object fileId) {
        return get(caller, WORKSHEET + "/files/{fileId}", worksheetId, fileId);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(Person caller, String query) {
        return (List<Map<String, Object>>) json(get(caller, WORKSHEETS + query), HttpStatus.OK).get("items");
    }

    static Map<String, Object> json(WebTestClient.ResponseSpec response, HttpStatus status) {
        return Objects.requireNonNull(response.expectStatus().isEqualTo(status).expectBody(ApiBodies.JSON)
                .returnResult().getResponseBody());
    }
}
