package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.support.HavenTest;
import app.haven.support.TestTokens;

/**
 * What a browser is told on every response (security headers), and which other origins may call
 * Haven from a browser (the configured allow-list only).
 */
@HavenTest
class HttpHardeningIT {

    private static final String ALLOWED_ORIGIN = "https://app.harbour-counselling.test";
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        String staff = tokens.of(UUID.randomUUID(), Role.STAFF);
        List<WebTestClient.ResponseSpec> responses = List.of(
                http.get().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(staff)).exchange()
                        .expectStatus().isOk(),
                http.get().uri("/api/v1/conversations").exchange().expectStatus().isUnauthorized(),
                http.get().uri("/api/v1/nothing-here").headers(h -> h.setBearerAuth(staff)).exchange()
                        .expectStatus().isNotFound(),
                http.post().uri("/api/v1/blocks").headers(h -> h.setBearerAuth(staff))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"userId\":").exchange()
                        .expectStatus().isBadRequest(),
                http.get().uri("/api/v1/test-probe/failure").headers(h -> h.setBearerAuth(staff)).exchange()
                        .expectStatus().is5xxServerError(),
                http.get().uri("/actuator/health").exchange().expectStatus().isOk());
        for (WebTestClient.ResponseSpec response : responses) {
            response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("Content-Security-Policy", API_POLICY)
                    .expectHeader().value("Permissions-Policy", policy -> assertThat(policy).contains("camera=()"))
                    .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"));
        }
    }

    @Test
    void theApiDocsPageMayRunItsOwnScriptsAndNothingElse() {
        http.get().uri("/swagger-ui/index.html").exchange()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("*"));
    }

    @Test
    void aListedOriginMayCallFromABrowserAndNoOtherMay() {
        http.options().uri("/api/v1/conversations")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                        .contains("POST"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);

        String client = tokens.of(UUID.randomUUID(), Role.CLIENT);
        http.get().uri("/api/v1/conversations").header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .headers(h -> h.setBearerAuth(client)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains(HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));

        for (String stranger : List.of("https://evil.example", "http://app.harbour-counselling.test",
                "https://app.harbour-counselling.test.evil.example")) {
            http.method(HttpMethod.OPTIONS).uri("/api/v1/conversations")
                    .header(HttpHeaders.ORIGIN, stranger)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
            http.get().uri("/api/v1/conversations").header(HttpHeaders.ORIGIN, stranger)
                    .headers(h -> h.setBearerAuth(client)).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        }
    }
}
