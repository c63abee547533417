package app.haven.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.rsocket.server.LocalRSocketServerPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.shared.Role;
import io.micrometer.core.instrument.MeterRegistry;
import app.haven.support.HavenTest;
import app.haven.support.RSocketClients;
import app.haven.support.RSocketClients.Transport;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The foundation's vertical slice, through the real transports: staff assign a therapist to a
 * client over HTTP (relational store), the event crosses to messaging, which opens their DIRECT
 * conversation (document store); both people see it over REST and have it pushed on their
 * RSocket inbox, over TCP and over WebSocket.
 */
@HavenTest
class TherapistAssignmentFlowIT {

    private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(10);

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired MeterRegistry meters;
    @Autowired RSocketRequester.Builder rsocket;
    @Autowired RSocketStrategies strategies;
    @LocalRSocketServerPort int tcpPort;
    @LocalServerPort int httpPort;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void assigningATherapistOpensTheirConversationVisibleOverRestAndPushedLive(Transport transport) {
        UUID client = people.client();
        UUID therapist = people.therapist();
        RSocketRequester clientSocket = RSocketClients.connect(rsocket, strategies, transport, tcpPort, httpPort,
                tokens.of(client, Role.CLIENT));
        Flux<Map<String, Object>> inbox = clientSocket.route("inbox").retrieveFlux(new ParameterizedTypeReference<>() { });

        double streamsBefore = liveStreams();
        StepVerifier.create(inbox.take(1))
                .then(() -> await().atMost(PUSH_TIMEOUT).until(() -> liveStreams() > streamsBefore))
                .then(() -> assign(client, therapist))
                .assertNext(event -> {
                    assertThat(event).containsEntry("type", "CONVERSATION_CREATED");
                    assertThat(event.get("conversationId")).asString().hasSize(24);
                    assertThat(event.get("payload")).asString().contains(therapist.toString());
                })
                .expectComplete()
                .verify(PUSH_TIMEOUT);
        clientSocket.dispose();

        for (UUID person : List.of(client, therapist)) {
            http.get().uri("/api/v1/conversations")
                    .headers(h -> h.setBearerAuth(tokens.of(person, person == client ? Role.CLIENT : Role.THERAPIST)))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.items.length()").isEqualTo(1)
                    .jsonPath("$.items[0].type").isEqualTo("DIRECT")
                    .jsonPath("$.items[0].participants[*].userId").value(ids ->
                            assertThat(ids).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                                    .containsExactlyInAnyOrder(client.toString(), therapist.toString()))
                    .jsonPath("$.nextCursor").isEmpty();
        }
    }

    @Test
    void theSameAssignmentTwiceStillLeavesOneConversation() {
        UUID client = people.client();
        UUID therapist = people.therapist();
        assign(client, therapist);
        assign(client, therapist);
        await().atMost(PUSH_TIMEOUT).untilAsserted(() -> conversationsOf(client, 1));
        await().during(Duration.ofSeconds(1)).atMost(PUSH_TIMEOUT)
                .untilAsserted(() -> conversationsOf(client, 1));
    }

    @Test
    void strangersSeeNoneOfIt() {
        UUID client = people.client();
        assign(client, people.therapist());
        await().atMost(PUSH_TIMEOUT).untilAsserted(() -> conversationsOf(client, 1));
        conversationsOf(UUID.randomUUID(), 0);
    }

    private double liveStreams() {
        return meters.get("haven.live.subscribers").gauge().value();
    }

    private void conversationsOf(UUID person, int expected) {
        http.get().uri("/api/v1/conversations")
                .headers(h -> h.setBearerAuth(tokens.of(person, Role.CLIENT)))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(expected);
    }

    private void assign(UUID client, UUID therapist) {
        http.post().uri("/api/v1/patients/{clientId}/assignments", client)
                .headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.STAFF)))
                .bodyValue(Map.of("therapistId", therapist))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.clientId").isEqualTo(client.toString())
                .jsonPath("$.therapistId").isEqualTo(therapist.toString());
    }
}
