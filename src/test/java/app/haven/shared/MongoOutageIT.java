package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.support.IsolatedTestStores;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * MongoDB goes away mid-run and comes back: while it is gone, message routes answer 503 problem
 * details with {@code Retry-After} within a bounded time instead of hanging, health says DOWN, and
 * the routes that need only the relational store keep working; once it is back, everything works
 * again by itself, with every acknowledged message still there and the refused one nowhere.
 */
class MongoOutageIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    /** haven.stores.unavailable-after below, plus room for a busy machine. */
    private static final Duration BOUNDED = Duration.ofSeconds(12);

    @Test
    void messageRoutesAnswer503WhileMongoIsDownAndRecoverByThemselves() throws Exception {
        String store = IsolatedTestStores.newName();
        Path mongoFiles = Path.of("target", "test-data", store, "mongo");
        int mongoPort = freePort();
        try (ConfigurableApplicationContext haven = IsolatedTestStores.startHaven(store,
                "--haven.embedded-mongo.backend=file", "--haven.embedded-mongo.directory=" + mongoFiles,
                "--haven.embedded-mongo.port=" + mongoPort, "--haven.stores.unavailable-after=3s")) {
            WebTestClient http = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + haven.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(30)).build();
            TestTokens tokens = TestTokens.signingWith(haven.getBean(JwtEncoder.class));
            TestPeople people = TestPeople.on(tokens, http);
            UUID therapist = people.therapist();
            UUID client = people.client();
            String therapistToken = tokens.of(therapist, Role.THERAPIST);
            http.post().uri("/api/v1/patients/{id}/assignments", client)
                    .headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.STAFF)))
                    .bodyValue(Map.of("therapistId", therapist)).exchange().expectStatus().isCreated();
            String conversation = await().atMost(Duration.ofSeconds(20)).until(() -> conversationOf(http, therapistToken),
                    Objects::nonNull);
            String messages = "/api/v1/conversations/" + conversation + "/messages";
            send(http, therapistToken, messages, "Before the outage").expectStatus().isCreated();

            MongoServer mongo = haven.getBean(MongoServer.class);
            mongo.shutdownNow();

            long asked = System.nanoTime();
            EntityExchangeResult<Map<String, Object>> refused = send(http, therapistToken, messages, "During the outage")
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                    .expectBody(JSON).returnResult();
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(BOUNDED);
            assertThat(refused.getResponseBody()).containsEntry("status", 503);
            http.get().uri(messages).headers(h -> h.setBearerAuth(therapistToken)).exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            http.get().uri("/actuator/health").exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectBody().jsonPath("$.status").isEqualTo("DOWN");
            // what lives in the relational store does not depend on MongoDB
            http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(therapistToken)).exchange()
                    .expectStatus().isOk();

            MongoServer back = new MongoServer(new H2Backend(mongoFiles.resolve("haven.mv").toString()));
            back.bind("127.0.0.1", mongoPort);
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        send(http, therapistToken, messages, "After the outage").expectStatus().isCreated());
                http.get().uri("/actuator/health").exchange().expectStatus().isOk();
                List<Object> contents = http.get().uri(messages).headers(h -> h.setBearerAuth(therapistToken))
                        .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody()
                        .entrySet().stream().filter(entry -> entry.getKey().equals("items"))
                        .flatMap(entry -> ((List<?>) entry.getValue()).stream())
                        .map(item -> ((Map<?, ?>) item).get("content")).map(Object.class::cast).toList();
                assertThat(contents).contains("Before the outage").doesNotContain("During the outage");
                assertThat(contents.stream().filter("After the outage"::equals)).hasSizeGreaterThanOrEqualTo(1);
            } finally {
                back.shutdownNow();
            }
        }
    }

    private static WebTestClient.ResponseSpec send(WebTestClient http, String token, String messages, String content) {
        return http.post().uri(messages).headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("type", "TEXT", "content", content)).exchange();
    }

    @SuppressWarnings("unchecked")
    private static String conversationOf(WebTestClient http, String token) {
        Map<String, Object> page = http.get().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(c -> (String) c.get("id")).findFirst()
                .orElse(null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
