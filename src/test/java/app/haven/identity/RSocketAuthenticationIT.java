package app.haven.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.rsocket.server.LocalRSocketServerPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
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

import app.haven.shared.Role;
import app.haven.support.HavenTest;
import app.haven.support.RSocketClients;
import app.haven.support.RSocketClients.Transport;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.RejectedSetupException;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * RSocket connections authenticate with the same bearer token as HTTP, over both transports: a
 * live stream ends with an error the app can act on when the token that opened it expires, and
 * a connection whose token is missing, expired, signed by another key or altered is refused at
 * setup.
 */
@HavenTest
class RSocketAuthenticationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ParameterizedTypeReference<Map<String, Object>> EVENT = new ParameterizedTypeReference<>() { };

    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired WebTestClient http;
    @Autowired MeterRegistry meters;
    @Autowired RSocketRequester.Builder builder;
    @Autowired RSocketStrategies strategies;
    @LocalRSocketServerPort int tcpPort;
    @LocalServerPort int httpPort;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anInboxStreamEndsWithAnExpiredErrorWhenItsTokenExpires(Transport transport) {
        Instant issued = Instant.now();
        RSocketRequester requester = connect(transport,
                tokens.issued(UUID.randomUUID(), Role.CLIENT, issued, Duration.ofSeconds(3)));

        StepVerifier.create(inbox(requester))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1500))
                .expectErrorSatisfies(RSocketAuthenticationIT::isExpiry)
                .verify(TIMEOUT);

        assertThat(Duration.between(issued, Instant.now())).as("open until the token expired")
                .isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        requester.dispose();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aStreamThatAlreadyDeliveredEventsEndsWithTheSameExpiredErrorWhenItsTokenExpires(Transport transport) {
        // real accounts, created before the short-lived token starts running out
        UUID client = people.client();
        UUID therapist = people.therapist();
        RSocketRequester requester = connect(transport,
                tokens.issued(client, Role.CLIENT, Instant.now(), Duration.ofSeconds(8)));
        double streamsBefore = liveStreams();

        StepVerifier.create(inbox(requester))
                .then(() -> await().atMost(TIMEOUT).until(() -> liveStreams() > streamsBefore))
                .then(() -> assign(client, therapist))
                .assertNext(event -> assertThat(event).containsEntry("type", "CONVERSATION_CREATED"))
                .expectErrorSatisfies(RSocketAuthenticationIT::isExpiry)
                .verify(Duration.ofSeconds(20));
        requester.dispose();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aStreamOpenedWithALongLivedTokenStaysOpen(Transport transport) {
        RSocketRequester requester = connect(transport, tokens.of(UUID.randomUUID(), Role.CLIENT));

        StepVerifier.create(inbox(requester))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(4))
                .thenCancel()
                .verify(TIMEOUT);
        requester.dispose();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTokenSignedByAnotherKeyIsRefusedAtSetup(Transport transport) throws Exception {
        refusedAtSetup(transport, foreignToken(UUID.randomUUID()));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTokenWhoseRoleWasAlteredIsRefusedAtSetup(Transport transport) {
        String genuine = tokens.of(UUID.randomUUID(), Role.CLIENT);
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"role\":\"CLIENT\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"role\":\"CLIENT\"", "\"role\":\"ADMIN\"").getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        refusedAtSetup(transport, tampered);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aMissingOrExpiredTokenIsRefusedAtSetup(Transport transport) {
        refusedAtSetup(transport, null);
        refusedAtSetup(transport, tokens.expired(UUID.randomUUID(), Role.CLIENT));
    }

    /** An error frame the app can act on (reconnect with a fresh token), not a payload, not a crash. */
    private static void isExpiry(Throwable error) {
        assertThat(error).isInstanceOf(ApplicationErrorException.class);
        assertThat(error.getMessage()).containsIgnoringCase("expired").doesNotContain("Exception", "app.haven");
    }

    private double liveStreams() {
        return meters.get("haven.live.subscribers").gauge().value();
    }

    private void assign(UUID client, UUID therapist) {
        http.mutate().responseTimeout(IdentityApi.PATIENCE).build()
                .post().uri("/api/v1/patients/{clientId}/assignments", client)
                .headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.STAFF)))
                .bodyValue(Map.of("therapistId", therapist))
                .exchange()
                .expectStatus().isCreated();
    }

    private void refusedAtSetup(Transport transport, String token) {
        RSocketRequester requester = connect(transport, token);
        StepVerifier.create(inbox(requester))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RejectedSetupException.class))
                .verify(TIMEOUT);
        requester.dispose();
    }

    private Flux<Map<String, Object>> inbox(RSocketRequester requester) {
        return requester.route("inbox").data(Map.of()).retrieveFlux(EVENT);
    }

    private RSocketRequester connect(Transport transport, String token) {
        return RSocketClients.connect(builder, strategies, transport, tcpPort, httpPort, token);
    }

    private static String foreignToken(UUID subject) throws Exception {
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("haven").subject(subject.toString())
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(Duration.ofMinutes(5)))
                .claim("role", Role.CLIENT.name()).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(foreign)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
