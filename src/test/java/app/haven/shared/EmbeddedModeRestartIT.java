package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import app.haven.HavenApplication;
import app.haven.identity.DemoPractice;
import app.haven.identity.application.Registration;
import app.haven.identity.application.RequestOrigin;
import app.haven.messaging.application.ListConversations;
import app.haven.patients.application.AssignTherapist;

/**
 * A newcomer's run: Haven on its embedded defaults (H2 file, file-backed MongoDB wire-protocol
 * server, generated signing key, all under the data directory) is healthy, and a second start
 * finds everything the first one stored.
 */
class EmbeddedModeRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void aSecondStartStillHasTheFirstStartsData() {
        UUID client;
        UUID therapist;
        try (ConfigurableApplicationContext first = start()) {
            assertHealthy(first);
            client = account(first, Role.CLIENT);
            therapist = account(first, Role.THERAPIST);
            first.getBean(AssignTherapist.class).assign(new AssignTherapist.Command(client, therapist)).block();
            await().atMost(Duration.ofSeconds(10)).until(() -> conversationsOf(first, client) == 1);
        }
        assertThat(dataDir.resolve("db/haven.mv.db")).exists();
        assertThat(dataDir.resolve("mongo/haven.mv")).exists();
        assertThat(dataDir.resolve("keys/jwt-signing-key.json")).exists();

        try (ConfigurableApplicationContext second = start()) {
            assertHealthy(second);
            assertThat(conversationsOf(second, client)).isEqualTo(1);
            assertThat(conversationsOf(second, therapist)).isEqualTo(1);
        }
    }

    @Test
    void theFirstStartCreatesTheDemoPracticeTheReadmeLists() {
        try (ConfigurableApplicationContext started = start()) {
            WebTestClient http = client(started);
            String ruth = http.post().uri("/api/v1/auth/login")
                    .bodyValue(Map.of("email", DemoPractice.RUTH.email(), "password", DemoPractice.PASSWORD))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("accessToken").asString();
            http.get().uri("/api/v1/users/search?q=lindqvist").headers(h -> h.setBearerAuth(ruth)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.items[0].firstName").isEqualTo("Nora");
            http.get().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(ruth)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.items.length()").isEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HavenApplication.class).run(
                "--haven.data-dir=" + dataDir, "--server.port=0", "--spring.rsocket.server.port=0");
    }

    /** A new active account of {@code role}, as an administrator creates it (assignments need real accounts). */
    private static UUID account(ConfigurableApplicationContext context, Role role) {
        return context.getBean(Registration.class).create(new Registration.Create(
                        "who." + UUID.randomUUID() + "@example.org", "a long enough passphrase", "Pat", "Restart",
                        role),
                new RequestOrigin("127.0.0.1", "test")).block().id();
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .build();
    }

    private static void assertHealthy(ConfigurableApplicationContext context) {
        client(context).get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private static int conversationsOf(ConfigurableApplicationContext context, UUID person) {
        return context.getBean(ListConversations.class)
                .list(new Caller(person, Role.CLIENT), false, null, 100)
                .map(page -> page.items().size())
                .block();
    }
}
