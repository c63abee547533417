package app.haven.shared;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import app.haven.support.HavenTest;
import app.haven.support.TestTokens;

/**
 * A practice running Keycloak: with {@code issuer-uri} configured, Haven accepts that issuer's
 * tokens (keys discovered from the issuer, roles read from {@code realm_access.roles}) beside its
 * own, and still refuses everything it cannot verify. The issuer here is a small HTTP server that
 * publishes the discovery document and keys as Keycloak does.
 */
@HavenTest
class ExternalIssuerIT {

    private static final RSAKey ISSUER_KEY = generate("keycloak");
    private static final HttpServer ISSUER = startIssuer();
    private static final String ISSUER_URI = "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/realms/practice";

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;

    @DynamicPropertySource
    static void trustTheIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER_URI);
        registry.add("haven.security.oidc.role-claim", () -> "realm_access.roles");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    @Test
    void theIssuersTokensAreAcceptedWithTheirRealmRole() {
        String token = external(ISSUER_KEY, ISSUER_URI, Map.of("roles", List.of("offline_access", "staff")));

        http.get().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        http.post().uri("/api/v1/patients/{clientId}/assignments", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(external(ISSUER_KEY, ISSUER_URI, Map.of("roles", List.of("client")))))
                .bodyValue(Map.of("therapistId", UUID.randomUUID()))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void havensOwnTokensStillWork() {
        http.get().uri("/api/v1/conversations")
                .headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.CLIENT))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void tokensWithoutAHavenRoleOrSignedByAnotherKeyOrIssuerAreRefused() {
        for (String token : List.of(
                external(ISSUER_KEY, ISSUER_URI, Map.of("roles", List.of("offline_access"))),
                external(generate("impostor"), ISSUER_URI, Map.of("roles", List.of("admin"))),
                external(ISSUER_KEY, "http://127.0.0.1:1/realms/other", Map.of("roles", List.of("admin"))))) {
            http.get().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    private static String external(RSAKey key, String issuer, Map<String, Object> realmAccess) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject(UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5)))
                .claim("realm_access", realmAccess).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build(),
                        claims))
                .getTokenValue();
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer startIssuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/practice";
            server.createContext("/realms/practice/.well-known/openid-configuration", exchange -> json(exchange,
                    "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/protocol/openid-connect/certs\","
                            + "\"subject_types_supported\":[\"public\"],"
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/realms/practice/protocol/openid-connect/certs",
                    exchange -> json(exchange, new JWKSet(ISSUER_KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
