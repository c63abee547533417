package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.support.ApiBodies;
import app.haven.support.HavenTest;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * What operations see: health with every store and the disk, info, metrics for Prometheus, the
 * module graph at runtime, and the API description.
 */
@HavenTest
class OperabilityIT {

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;

    @Test
    void anAdministratorSeesTheHealthOfEveryStoreAndTheDisk() {
        admin().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.diskSpace.status").isEqualTo("UP");
    }

    @Test
    void anonymousHealthSaysOnlyUpOrDown() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
    }

    @Test
    void prometheusScrapesHttpJvmAndModuleMetrics() {
        admin().post().uri("/api/v1/patients/{clientId}/assignments", people.client())
                .bodyValue(Map.of("therapistId", people.therapist()))
                .exchange().expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(scrape())
                .contains("jvm_memory_used_bytes", "haven_live_subscribers", "r2dbc_pool", "TherapistAssigned_total"));
    }

    private String scrape() {
        return admin().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void infoAndTheModuleGraphAreAvailable() {
        admin().get().uri("/actuator/info").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.app.name").isEqualTo("Haven");
        admin().get().uri("/actuator/modulith").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.messaging.dependencies").exists();
    }

    @Test
    void theOpenApiDescriptionCoversTheRoutesAndTheirBearerTokens() {
        ApiBodies.readingLargeBodies(http).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Haven API")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/api/v1/patients/{clientId}/assignments'].post").exists();
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    private WebTestClient admin() {
        String token = tokens.of(UUID.randomUUID(), Role.ADMIN);
        return http.mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
    }
}
