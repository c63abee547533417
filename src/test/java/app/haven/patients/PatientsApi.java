package app.haven.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import app.haven.shared.Role;
import app.haven.support.ApiBodies;
import app.haven.support.TestTokens;

/**
 * The patients routes called the way the apps call them, for the patients tests: assignments by
 * staff, the panel, client records, sessions and their transitions, and the problems they answer.
 */
final class PatientsApi {

    static final String PATIENTS = "/api/v1/patients";
    static final String SESSIONS = "/api/v1/sessions";
    static final String ACCESS_AUDIT = "/api/v1/admin/audit";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private final WebTestClient http;
    private final TestTokens tokens;

    PatientsApi(WebTestClient http, TestTokens tokens) {
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        this.tokens = tokens;
    }

    WebTestClient http() {
        return http;
    }

    String token(UUID person, Role role) {
        return tokens.of(person, role);
    }

    String staffToken() {
        return tokens.of(UUID.randomUUID(), Role.STAFF);
    }

    String adminToken() {
        return tokens.of(UUID.randomUUID(), Role.ADMIN);
    }

    // ---- plain requests

    WebTestClient.ResponseSpec get(String token, Function<UriBuilder, java.net.URI> uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    WebTestClient.ResponseSpec get(String token, String path, Object... variables) {
        return http.get().uri(path, variables).headers(h -> h.setBearerAuth(token)).exchange();
    }

    WebTestClient.ResponseSpec send(HttpMethod method, String token, Object body, String path, Object... variables) {
        return http.method(method).uri(path, variables)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    WebTestClient.ResponseSpec post(String token, Object body, String path, Object... variables) {
        return send(HttpMethod.POST, token, body, path, variables);
    }

    WebTestClient.ResponseSpec patch(String token, Object body, String path, Object... variables) {
        return send(HttpMethod.PATCH, token, body, path, variables);
    }

    // ---- the routes

    /** Staff make {@code therapist} the therapist of {@code client}. */
    Map<String, Object> assign(UUID client, UUID therapist) {
        return assign(staffToken(), client, therapist);
    }

    Map<String, Object> assign(String staffToken, UUID client, UUID therapist) {
        Map<String, Object> assignment = json(post(staffToken, Map.of("therapistId", therapist),
                PATIENTS + "/{clientId}/assignments", client), HttpStatus.CREATED);
        assertThat(assignment).containsEntry("clientId", client.toString())
                .containsEntry("therapistId", therapist.toString());
        return assignment;
    }

    Map<String, Object> record(String token, UUID client) {
        return json(get(token, PATIENTS + "/{clientId}", client), HttpStatus.OK);
    }

    Map<String, Object> updateRecord(String therapistToken, UUID client, Map<String, Object> changes) {
        return json(patch(therapistToken, changes, PATIENTS + "/{clientId}", client), HttpStatus.OK);
    }

    /** One page of the panel with the given query parameters (name, value, name, value...). */
    Map<String, Object> panelPage(String token, Object... query) {
        return json(get(token, uri -> withQuery(uri.path(PATIENTS), query).build()), HttpStatus.OK);
    }

    /** The client ids on the first page of the panel (limit 100) for the query. */
    List<UUID> panel(String token, Object... query) {
        Object[] withLimit = java.util.Arrays.copyOf(query, query.length + 2);
        withLimit[query.length] = "limit";
        withLimit[query.length + 1] = 100;
        return ids(items(panelPage(token, withLimit)), "clientId");
    }

    Map<String, Object> stats(String token) {
        return json(get(token, PATIENTS + "/stats"), HttpStatus.OK);
    }

    WebTestClient.ResponseSpec schedule(String token, UUID client, Instant startsAt, int minutes, String type) {
        return post(token, sessionRequest(client, startsAt, minutes, type), SESSIONS);
    }

    static Map<String, Object> sessionRequest(UUID client, Instant startsAt, int minutes, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", client);
        body.put("startsAt", startsAt.toString());
        body.put("durationMinutes", minutes);
        body.put("type", type);
        return body;
    }

    /** A session scheduled by {@code token}'s owner; answers the created session. */
    Map<String, Object> scheduled(String token, UUID client, Instant startsAt, int minutes, String type) {
        return scheduled(token, sessionRequest(client, startsAt, minutes, type));
    }

    Map<String, Object> scheduled(String token, Map<String, Object> request) {
        Map<String, Object> session = json(post(token, request, SESSIONS), HttpStatus.CREATED);
        assertThat(session).containsEntry("clientId", request.get("clientId").toString())
                .containsEntry("status", "SCHEDULED");
        assertThat(Instant.parse((String) session.get("startsAt")))
                .isEqualTo(Instant.parse((String) request.get("startsAt")));
        return session;
    }

    Map<String, Object> session(String token, Object sessionId) {
        return json(get(token, SESSIONS + "/{id}", sessionId), HttpStatus.OK);
    }

    /** The sessions the caller may see, first page of up to 100, with extra query parameters. */
    List<Map<String, Object>> sessions(String token, Object... query) {
        Object[] withLimit = java.util.Arrays.copyOf(query, query.length + 2);
        withLimit[query.length] = "limit";
        withLimit[query.length + 1] = 100;
        return items(json(get(token, uri -> withQuery(uri.path(SESSIONS), withLimit).build()), HttpStatus.OK));
    }

    WebTestClient.ResponseSpec complete(String token, Object sessionId, Map<String, Object> body) {
        return post(token, body, SESSIONS + "/{id}/complete", sessionId);
    }

    WebTestClient.ResponseSpec cancel(String token, Object sessionId, String reason) {
        return post(token, Map.of("reason", reason), SESSIONS + "/{id}/cancel", sessionId);
    }

    WebTestClient.ResponseSpec noShow(String token, Object sessionId) {
        return http.post().uri(SESSIONS + "/{id}/no-show", sessionId).headers(h -> h.setBearerAuth(token)).exchange();
    }

    // ---- answers

    static UriBuilder withQuery(UriBuilder uri, Object... query) {
        for (int i = 0; i < query.length; i += 2) {
            uri.queryParam((String) query[i], String.valueOf(query[i + 1]));
        }
        return uri;
    }

    static Map<String, Object> json(WebTestClient.ResponseSpec response, HttpStatus status) {
        return Objects.requireNonNull(response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JSON).returnResult().getResponseBody());
    }

    /** The answer's body as text, after checking its status. */
    static String text(WebTestClient.ResponseSpec response, HttpStatus status) {
        byte[] body = response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBodyContent();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** An RFC 9457 problem with the given status, as every refusal must be; answers its body. */
    static Map<String, Object> problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return ApiBodies.problem(response, status);
    }

    /** The {@code errors[].field} names of a validation problem. */
    static List<String> errorFields(Map<String, Object> problem) {
        return ApiBodies.errorFields(problem);
    }

    static List<Map<String, Object>> items(Map<String, Object> page) {
        return ApiBodies.items(page);
    }

    static List<UUID> ids(List<Map<String, Object>> items, String key) {
        List<UUID> ids = new ArrayList<>();
        items.forEach(item -> ids.add(UUID.fromString((String) item.get(key))));
        return ids;
    }

    static UUID id(Map<String, Object> answer) {
        return UUID.fromString((String) answer.get("id"));
    }

    /** Letters that never occur in a UUID (so never in the tests' email addresses). */
    static String tag() {
        String letters = "ghjkmnpqrstvwxyz";
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            tag.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return tag.toString();
    }

    /** A whole minute {@code offset} from now, so stored and answered instants compare equal. */
    static Instant fromNow(Duration offset) {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MINUTES);
    }
}
