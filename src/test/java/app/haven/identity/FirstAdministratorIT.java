package app.haven.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.HavenApplication;
import app.haven.support.IsolatedTestStores;
import app.haven.support.TestProfiles;

/**
 * A production deployment gets its first administrator from configuration, once: a restart with
 * another configured password neither adds a second administrator nor changes the first one's.
 */
class FirstAdministratorIT {

    @Test
    void theConfiguredAdministratorIsCreatedOnceAndKeptAsIs() {
        String database = IsolatedTestStores.newName();
        String email = "boss-" + UUID.randomUUID() + "@practice.example";

        try (ConfigurableApplicationContext first = start(database, email, "first-password-123")) {
            signIn(first, email, "first-password-123").expectStatus().isOk()
                    .expectBody().jsonPath("$.user.role").isEqualTo("ADMIN");
        }
        try (ConfigurableApplicationContext second = start(database, email, "other-password-456")) {
            signIn(second, email, "first-password-123").expectStatus().isOk();
            signIn(second, email, "other-password-456").expectStatus().isUnauthorized();
        }
    }

    private static WebTestClient.ResponseSpec signIn(ConfigurableApplicationContext context, String email,
            String password) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .build()
                .post().uri("/api/v1/auth/login")
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    private static ConfigurableApplicationContext start(String database, String email, String password) {
        List<String> arguments = new ArrayList<>(List.of(
                "--haven.test.store-name=" + database,
                "--server.port=0", "--spring.rsocket.server.port=0",
                "--haven.bootstrap-admin.email=" + email, "--haven.bootstrap-admin.password=" + password));
        return new SpringApplicationBuilder(HavenApplication.class).profiles(TestProfiles.active())
                .run(arguments.toArray(String[]::new));
    }
}
