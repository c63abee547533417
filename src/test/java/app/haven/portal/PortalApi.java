package app.haven.portal;

import java.time.Duration;
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

/** The portal's routes (and the few others its tests need) called the way the apps call them. */
final class PortalApi {

    static final String PORTAL = "/api/v1/portal";

    private final WebTestClient http;
    private final TestTokens tokens;
    private final TestPeople people;

    PortalApi(WebTestClient http, TestTokens tokens, TestPeople people) {
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        this.tokens = tokens;
        this.people = people;
    }

    record Person(UUID id, String token) {
    }

    Person client() {
        return person(people.client(), Role.CLIENT);
    }

    Person therapist() {
        return person(people.therapist(), Role.THERAPIST);
    }

    Person staff() {
        return person(UUID.randomUUID(), Role.STAFF);
    }

    Person person(UUID id, Role role) {
        return new Person(id, tokens.of(id, role));
    }

    void assign(Person client, Person therapist) {
        send("POST", staff(), "/api/v1/patients/" + client.id() + "/assignments", Map.of("therapistId", therapist.id()))
                .expectStatus().isCreated();
    }

    WebTestClient.ResponseSpec get(Person caller, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    WebTestClient.ResponseSpec send(String method, Person caller, String path, Object body) {
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(caller.token()));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    Map<String, Object> ok(WebTestClient.ResponseSpec response) {
        return json(response, HttpStatus.OK);
    }

    static Map<String, Object> json(WebTestClient.ResponseSpec response, HttpStatus status) {
        return Objects.requireNonNull(response.expectStatus().isEqualTo(status).expectBody(ApiBodies.JSON)
                .returnResult().getResponseBody());
    }

    static List<Map<String, Object>> list(WebTestClient.ResponseSpec response) {
        return Objects.requireNonNull(response.expectStatus().isOk().expectBodyList(ApiBodies.JSON).returnResult()
                .getResponseBody());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
