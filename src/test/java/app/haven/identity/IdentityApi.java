package app.haven.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.shared.Role;

/**
 * Identity's HTTP routes called the way the apps call them, for the identity tests: register,
 * read the mail from the dev outbox, sign in, create accounts as an administrator, read the audit.
 */
final class IdentityApi {

    static final String PASSWORD = "a long enough passphrase";
    /** Every sign-in hashes on purpose slowly; on two busy cores a few of them queue up. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String OUTBOX = "/api/v1/dev/outbox";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    static final Pattern MAILED_TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private final WebTestClient http;

    IdentityApi(WebTestClient http) {
        this.http = http;
    }

    /** A fresh address nobody else uses; mixed case, as people type them. */
    static String newEmail(String who) {
        return who + "." + UUID.randomUUID() + "@Example.ORG";
    }

    WebTestClient http() {
        return http;
    }

    WebTestClient.ResponseSpec post(String path, Object body) {
        return post(path, body, null);
    }

    WebTestClient.ResponseSpec post(String path, Object body, String token) {
        return http.post().uri(path)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).headers(headers -> headers.setBearerAuth(token)).exchange();
    }

    Map<String, Object> register(String email) {
        return register(email, "Ana", "Lima");
    }

    Map<String, Object> register(String email, String firstName, String lastName) {
        return json(post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "firstName", firstName, "lastName", lastName)), HttpStatus.CREATED);
    }

    /** Registers and confirms the email, as a new client does; answers what register answered. */
    Map<String, Object> signUp(String email) {
        Map<String, Object> registered = register(email);
        post("/api/v1/auth/verify-email", Map.of("token", mailedToken(email, "Confirm")))
                .expectStatus().isNoContent().expectBody().isEmpty();
        return registered;
    }

    Session login(String email, String password) {
        return Session.of(json(post("/api/v1/auth/login", credentials(email, password)), HttpStatus.OK));
    }

    WebTestClient.ResponseSpec attemptLogin(String email, String password) {
        return post("/api/v1/auth/login", credentials(email, password));
    }

    WebTestClient.ResponseSpec refresh(String refreshToken) {
        return post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    /** An administrator creates an account, active at once; answers the created person. */
    Map<String, Object> create(String adminToken, String email, Role role, String firstName, String lastName) {
        Map<String, Object> created = json(post("/api/v1/admin/users", Map.of("email", email, "password", PASSWORD,
                "firstName", firstName, "lastName", lastName, "role", role.name()), adminToken), HttpStatus.CREATED);
        assertThat(created).containsEntry("role", role.name()).containsEntry("firstName", firstName)
                .containsEntry("lastName", lastName);
        return created;
    }

    /** The mail in the dev outbox, newest first. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> outbox() {
        Map<String, Object> page = http.get().uri(OUTBOX).exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        return (List<Map<String, Object>>) Objects.requireNonNull(page).get("items");
    }

    List<Map<String, Object>> mailTo(String email) {
        return outbox().stream().filter(mail -> email.equalsIgnoreCase((String) mail.get("to"))).toList();
    }

    /** The token of the newest mail to {@code email} whose subject contains {@code subjectWord}. */
    String mailedToken(String email, String subjectWord) {
        Map<String, Object> mail = mailTo(email).stream()
                .filter(candidate -> ((String) candidate.get("subject")).contains(subjectWord))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No mail '" + subjectWord + "' to " + email));
        return tokenIn((String) mail.get("body"));
    }

    static String tokenIn(String mailBody) {
        Matcher matcher = MAILED_TOKEN.matcher(mailBody);
        assertThat(matcher.find()).as("a link with a token in %s", mailBody).isTrue();
        return matcher.group(1);
    }

    /**
     * Follows the sign-in audit, newest first, {@code limit} entries a page, until {@code enough}
     * holds for the entries of {@code account} (or the pages run out, or {@code maxPages} were read).
     */
    @SuppressWarnings("unchecked")
    AuditWalk securityEventsOf(String adminToken, UUID account, int limit, int maxPages,
            Predicate<List<Map<String, Object>>> enough) {
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> mine = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String uri = "/api/v1/admin/security-events?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            Map<String, Object> page = get(uri, adminToken).expectStatus().isOk()
                    .expectBody(JSON).returnResult().getResponseBody();
            List<Map<String, Object>> items = (List<Map<String, Object>>) Objects.requireNonNull(page).get("items");
            assertThat(items).as("page %d", pages).hasSizeLessThanOrEqualTo(limit);
            all.addAll(items);
            items.stream().filter(item -> account.toString().equals(item.get("accountId"))).forEach(mine::add);
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (!enough.test(mine) && cursor != null && pages < maxPages);
        return new AuditWalk(all, mine, pages);
    }

    record AuditWalk(List<Map<String, Object>> all, List<Map<String, Object>> mine, int pages) {
        List<String> myTypes() {
            return mine.stream().map(entry -> (String) entry.get("type")).toList();
        }
    }

    static Map<String, Object> credentials(String email, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        return body;
    }

    static Map<String, Object> json(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JSON).returnResult().getResponseBody();
    }

    /** An RFC 9457 problem with the given status, as every refusal must be. */
    static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.type").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
    }

    /** The problem's body as a map, after checking it is one. */
    static Map<String, Object> problemBody(WebTestClient.ResponseSpec response, HttpStatus status) {
        byte[] body = problem(response, status).returnResult().getResponseBodyContent();
        return Json.read(body);
    }

    /** A signed-in session: the token pair and the whole answer of login or refresh. */
    record Session(String accessToken, String refreshToken, Map<String, Object> body) {
        static Session of(Map<String, Object> body) {
            return new Session((String) body.get("accessToken"), (String) body.get("refreshToken"), body);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> user() {
            return (Map<String, Object>) body.get("user");
        }
    }

    /** Plain JSON reading for the tests (Jackson 3, as the application uses). */
    static final class Json {
        private static final tools.jackson.databind.json.JsonMapper MAPPER =
                tools.jackson.databind.json.JsonMapper.builder().build();

        private Json() {
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> read(byte[] json) {
            return MAPPER.readValue(json, Map.class);
        }
    }
}
