package app.haven.identity;

import static app.haven.identity.IdentityApi.PASSWORD;
import static app.haven.identity.IdentityApi.newEmail;
import static app.haven.identity.IdentityApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.identity.IdentityApi.AuditWalk;
import app.haven.shared.Role;
import app.haven.support.HavenTest;
import app.haven.support.TestTokens;
import reactor.netty.http.client.HttpClient;

/**
 * Guessing is slow: too many failed sign-ins for an account, or from one network address, and
 * too many registrations or password-reset requests from one address, answer 429 with
 * {@code Retry-After}. Each test connects from its own loopback addresses, which the server sees
 * as the clients' addresses, so the per-address limits here are low and nobody else's. The low
 * limits make this a second application context (with its own store, as every test application has).
 */
@HavenTest
@TestPropertySource(properties = {
        "haven.identity.failed-sign-in-limit-per-address=5",
        "haven.identity.reset-requests-per-address-per-hour=3",
        "haven.identity.registrations-per-address-per-hour=3"})
class ThrottlingIT {

    private static final Set<String> ADDRESSES_USED = ConcurrentHashMap.newKeySet();

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @LocalServerPort int port;

    private String admin;

    @BeforeEach
    void setUp() {
        http = http.mutate().responseTimeout(IdentityApi.PATIENCE).build();
        admin = tokens.of(UUID.randomUUID(), Role.ADMIN);
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhileFromAnyAddress() {
        String email = newEmail("locked");
        UUID account = UUID.fromString((String) new IdentityApi(http)
                .create(admin, email, Role.CLIENT, "Lou", "Locked").get("id"));
        IdentityApi guesser = fromNewAddress();

        for (int attempt = 1; attempt <= 5; attempt++) {
            problem(guesser.attemptLogin(email, "guess number " + attempt), HttpStatus.UNAUTHORIZED);
        }

        // from another address, with the right password: it is the account that waits
        WebTestClient.ResponseSpec refused = fromNewAddress().attemptLogin(email, PASSWORD);
        assertRetryAfter(refused, Duration.ofMinutes(15));
        problem(refused, HttpStatus.TOO_MANY_REQUESTS);

        AuditWalk walk = new IdentityApi(http).securityEventsOf(admin, account, 100, 50,
                mine -> mine.stream().anyMatch(entry -> "SIGN_IN_LOCKED_OUT".equals(entry.get("type"))));
        assertThat(walk.myTypes()).contains("SIGN_IN_LOCKED_OUT");
    }

    @Test
    void afterFiveFailedSignInsFromOneAddressItWaitsWhileOtherAddressesSignIn() {
        String email = newEmail("neighbour");
        new IdentityApi(http).create(admin, email, Role.CLIENT, "Nell", "Neighbour");
        IdentityApi guesser = fromNewAddress();

        for (int attempt = 1; attempt <= 5; attempt++) {
            // a different account each time, so no account reaches its own limit
            String target = attempt % 2 == 0 ? newEmail("unknown")
                    : new IdentityApi(http).create(admin, newEmail("target"), Role.CLIENT, "Tim", "Target")
                            .get("email").toString();
            problem(guesser.attemptLogin(target, "guess number " + attempt), HttpStatus.UNAUTHORIZED);
        }

        WebTestClient.ResponseSpec refused = guesser.attemptLogin(email, PASSWORD);
        assertRetryAfter(refused, Duration.ofMinutes(15));
        problem(refused, HttpStatus.TOO_MANY_REQUESTS);

        fromNewAddress().login(email, PASSWORD);
    }

    @Test
    void theFourthPasswordResetRequestFromOneAddressWithinAnHourWaits() {
        String email = newEmail("forgetful");
        new IdentityApi(http).create(admin, email, Role.CLIENT, "Fern", "Forgetful");
        IdentityApi requester = fromNewAddress();

        for (int request = 1; request <= 3; request++) {
            requester.post("/api/v1/auth/forgot-password", Map.of("email", request == 2 ? newEmail("nobody") : email))
                    .expectStatus().isAccepted();
        }

        WebTestClient.ResponseSpec refused = requester.post("/api/v1/auth/forgot-password", Map.of("email", email));
        assertRetryAfter(refused, Duration.ofHours(1));
        problem(refused, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(new IdentityApi(http).mailTo(email)).as("a reset mail per accepted request only").hasSize(2);

        fromNewAddress().post("/api/v1/auth/forgot-password", Map.of("email", email)).expectStatus().isAccepted();
    }

    @Test
    void theFourthRegistrationFromOneAddressWithinAnHourWaitsAndCreatesNothing() {
        IdentityApi registrar = fromNewAddress();
        for (int registration = 1; registration <= 3; registration++) {
            registrar.register(newEmail("bulk"));
        }
        String fourth = newEmail("bulk");

        WebTestClient.ResponseSpec refused = registrar.post("/api/v1/auth/register", Map.of("email", fourth,
                "password", PASSWORD, "firstName", "Bo", "lastName", "Bulk"));
        assertRetryAfter(refused, Duration.ofHours(1));
        problem(refused, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(new IdentityApi(http).mailTo(fourth)).isEmpty();

        fromNewAddress().register(fourth);
    }

    private static void assertRetryAfter(WebTestClient.ResponseSpec response, Duration atMost) {
        response.expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value))
                .as("Retry-After seconds").isPositive().isLessThanOrEqualTo(atMost.toSeconds()));
    }

    /** A client whose connections come from a loopback address no other test uses. */
    private IdentityApi fromNewAddress() {
        String address;
        do {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            address = "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
        } while (!ADDRESSES_USED.add(address));
        String bound = address;
        HttpClient client = HttpClient.create().bindAddress(() -> new InetSocketAddress(bound, 0));
        return new IdentityApi(WebTestClient.bindToServer(new ReactorClientHttpConnector(client))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(IdentityApi.PATIENCE)
                .build());
    }
}
