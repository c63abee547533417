package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import app.haven.support.ApiBodies;
import app.haven.support.HavenTest;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * Every route needs a valid token issued by Haven, except the public ones, and every refusal or
 * failure is an RFC 9457 problem without internals.
 */
@HavenTest
class SecurityBaselineIT {

    private static final String ASSIGNMENTS = "/api/v1/patients/{clientId}/assignments";

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;

    @Test
    void publicRoutesAnswerWithoutAToken() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        ApiBodies.readingLargeBodies(http).get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/conversations']").exists();
    }

    @Test
    void aMissingTokenIsUnauthorized() {
        WebTestClient.ResponseSpec response = http.get().uri("/api/v1/conversations").exchange();
        response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problem(response, HttpStatus.UNAUTHORIZED);
    }

    @Test
    void tokensThatAreExpiredForgedTamperedOrGarbledAreUnauthorized() throws Exception {
        UUID someone = UUID.randomUUID();
        String genuine = tokens.of(someone, Role.CLIENT);
        String[] parts = genuine.split("\\.");
        String tamperedRole = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("CLIENT", "ADMIN").getBytes())
                + "." + parts[2];

        for (String bad : new String[] {tokens.expired(someone, Role.CLIENT), foreignToken(someone), tamperedRole,
                "not-a-jwt", genuine + "x"}) {
            problem(http.get().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(bad)).exchange(),
                    HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void aRoleThatMayNeverDoSomethingIsForbidden() {
        problem(http.post().uri(ASSIGNMENTS, UUID.randomUUID())
                        .headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.CLIENT)))
                        .bodyValue(Map.of("therapistId", UUID.randomUUID())).exchange(),
                HttpStatus.FORBIDDEN);
        problem(http.get().uri("/actuator/metrics")
                        .headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.THERAPIST))).exchange(),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void badInputIsABadRequestListingTheFieldsAndChangesNothing() {
        // a real client: bad input is refused as such, not as an unknown client
        UUID client = people.client();
        problem(staff().post().uri(ASSIGNMENTS, client).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"therapistId\": ").exchange(), HttpStatus.BAD_REQUEST);
        problem(staff().post().uri(ASSIGNMENTS, client).bodyValue(Map.of()).exchange(), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("therapistId");
        problem(staff().post().uri(ASSIGNMENTS, client).bodyValue(Map.of("therapistId", "nope")).exchange(),
                HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("therapistId");
        problem(staff().post().uri(ASSIGNMENTS, "not-a-uuid").bodyValue(Map.of("therapistId", UUID.randomUUID()))
                .exchange(), HttpStatus.BAD_REQUEST);
        problem(staff().post().uri(ASSIGNMENTS, client).bodyValue(Map.of("therapistId", client)).exchange(),
                HttpStatus.BAD_REQUEST);
        problem(staff().get().uri("/api/v1/conversations?limit=0").exchange(), HttpStatus.BAD_REQUEST);

        http.get().uri("/api/v1/conversations")
                .headers(h -> h.setBearerAuth(tokens.of(client, Role.CLIENT)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void unknownRoutesWrongMethodsAndWrongMediaTypesAreProblemsToo() {
        problem(staff().get().uri("/api/v1/nothing-here").exchange(), HttpStatus.NOT_FOUND);
        problem(staff().delete().uri("/api/v1/conversations").exchange(), HttpStatus.METHOD_NOT_ALLOWED);
        problem(staff().post().uri(ASSIGNMENTS, UUID.randomUUID()).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("therapistId=x").exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void aServerErrorLeaksNoInternals() {
        byte[] body = problem(staff().get().uri("/api/v1/test-probe/failure").exchange(),
                HttpStatus.INTERNAL_SERVER_ERROR)
                .returnResult().getResponseBodyContent();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("SELECT", "password", "app.haven", "Exception", "\tat ")
                .contains("errorId");
    }

    private WebTestClient staff() {
        String token = tokens.of(UUID.randomUUID(), Role.STAFF);
        return http.mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.type").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
    }

    private static String foreignToken(UUID subject) throws Exception {
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("haven").subject(subject.toString())
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(Duration.ofMinutes(5)))
                .claim("role", Role.ADMIN.name()).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(foreign)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
