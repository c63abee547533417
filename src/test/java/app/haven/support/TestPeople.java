package app.haven.support;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.shared.Role;

/**
 * Creates real, active accounts the way an administrator does, through the running application's
 * {@code POST /api/v1/admin/users}, and answers their ids. Each account costs a password hash (about
 * 0.3 s), so tests create only the people they need.
 */
public class TestPeople {

    public static final String PASSWORD = "a long enough passphrase";

    /** A password hash each; on two busy cores a few of them queue up. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private final TestTokens tokens;
    // the server's client exists only once the server has started, after this bean
    private final ObjectProvider<WebTestClient> http;

    TestPeople(TestTokens tokens, ObjectProvider<WebTestClient> http) {
        this.tokens = tokens;
        this.http = http;
    }

    /** People of an application a test started itself, reached at {@code http}. */
    public static TestPeople on(TestTokens tokens, WebTestClient http) {
        return new TestPeople(tokens, new org.springframework.beans.factory.support.StaticListableBeanFactory(
                java.util.Map.of("http", http)).getBeanProvider(WebTestClient.class));
    }

    public UUID client() {
        return client("Casey", "Client");
    }

    public UUID client(String firstName, String lastName) {
        return create(Role.CLIENT, firstName, lastName);
    }

    public UUID therapist() {
        return therapist("Theo", "Therapist");
    }

    public UUID therapist(String firstName, String lastName) {
        return create(Role.THERAPIST, firstName, lastName);
    }

    public UUID staff() {
        return create(Role.STAFF, "Sam", "Staff");
    }

    public UUID admin() {
        return create(Role.ADMIN, "Ada", "Admin");
    }

    /** A new active account of {@code role} with a unique email. */
    public UUID create(Role role, String firstName, String lastName) {
        String email = "who." + UUID.randomUUID() + "@example.org";
        Map<String, Object> created = http.getObject().mutate().responseTimeout(PATIENCE).build()
                .post().uri("/api/v1/admin/users")
                .headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.ADMIN)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "firstName", firstName,
                        "lastName", lastName, "role", role.name()))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        return UUID.fromString((String) Objects.requireNonNull(created, "the created account").get("id"));
    }
}
