package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.rsocket.server.LocalRSocketServerPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;

import app.haven.support.HavenTest;
import app.haven.support.RSocketClients;
import app.haven.support.RSocketClients.Transport;
import app.haven.support.TestTokens;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.RejectedException;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Both RSocket transports serve at once (TCP for mobile apps, WebSocket at /rsocket for browsers),
 * carry every interaction model, know who is calling, and turn away anyone without a valid token
 * at setup.
 */
@HavenTest
class RSocketTransportsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired TestTokens tokens;
    @Autowired RSocketRequester.Builder builder;
    @Autowired RSocketStrategies strategies;
    @LocalRSocketServerPort int tcpPort;
    @LocalServerPort int httpPort;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void requestResponseKnowsTheCaller(Transport transport) {
        UUID caller = UUID.randomUUID();
        RSocketRequester requester = connect(transport, tokens.of(caller, Role.CLIENT));

        StepVerifier.create(requester.route("probe.echo").data(new Echo("hello", null)).retrieveMono(Echo.class))
                .assertNext(echo -> assertThat(echo).isEqualTo(new Echo("hello", caller)))
                .expectComplete()
                .verify(TIMEOUT);
        requester.dispose();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRequestMayCarryAFresherTokenInItsOwnMetadata(Transport transport) {
        RSocketRequester requester = connect(transport, tokens.of(UUID.randomUUID(), Role.CLIENT));
        UUID requestCaller = UUID.randomUUID();

        StepVerifier.create(requester.route("probe.echo")
                        .metadata(new BearerTokenMetadata(tokens.of(requestCaller, Role.CLIENT)),
                                RSocketClients.AUTHENTICATION)
                        .data(new Echo("hello", null)).retrieveMono(Echo.class))
                .assertNext(echo -> assertThat(echo.callerId()).as("the request's own token decides")
                        .isEqualTo(requestCaller))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(requester.route("probe.echo")
                        .metadata(new BearerTokenMetadata("not-a-jwt"), RSocketClients.AUTHENTICATION)
                        .data(new Echo("hello", null)).retrieveMono(Echo.class))
                .expectError()
                .verify(TIMEOUT);
        requester.dispose();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void requestStreamDeliversEveryItem(Transport transport) {
        RSocketRequester requester = connect(transport, tokens.of(UUID.randomUUID(), Role.THERAPIST));

        StepVerifier.create(requester.route("probe.count").data(new Echo("3", null)).retrieveFlux(Echo.class)
                        .map(Echo::text))
                .expectNext("1", "2", "3")
                .expectComplete()
                .verify(TIMEOUT);
        requester.dispose();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void requestChannelAnswersEachMessageInTurn(Transport transport) {
        RSocketRequester requester = connect(transport, tokens.of(UUID.randomUUID(), Role.STAFF));

        StepVerifier.create(requester.route("probe.channel")
                        .data(Flux.just(new Echo("a", null), new Echo("b", null)), Echo.class)
                        .retrieveFlux(Echo.class).map(Echo::text))
                .expectNext("A", "B")
                .expectComplete()
                .verify(TIMEOUT);
        requester.dispose();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSetupWithoutAValidTokenIsRejected(Transport transport) {
        UUID someone = UUID.randomUUID();
        for (String token : new String[] {null, tokens.expired(someone, Role.CLIENT), "not-a-jwt"}) {
            RSocketRequester requester = connect(transport, token);
            StepVerifier.create(requester.route("probe.echo").data(new Echo("hello", null)).retrieveMono(Echo.class))
                    .expectError()
                    .verify(TIMEOUT);
            requester.dispose();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aFailingRouteAnswersWithAnErrorFrameCarryingNoInternals(Transport transport) {
        RSocketRequester requester = connect(transport, tokens.of(UUID.randomUUID(), Role.CLIENT));

        StepVerifier.create(requester.route("probe.not-found").retrieveFlux(Echo.class))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RejectedException.class)
                        .message().contains("Conversation").doesNotContain("Exception", "app.haven"))
                .verify(TIMEOUT);
        StepVerifier.create(requester.route("probe.failure").retrieveMono(Echo.class))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ApplicationErrorException.class)
                        .message().contains("Something went wrong").doesNotContain("SELECT", "password", "app.haven"))
                .verify(TIMEOUT);
        requester.dispose();
    }

    private RSocketRequester connect(Transport transport, String token) {
        return RSocketClients.connect(builder, strategies, transport, tcpPort, httpPort, token);
    }

    record Echo(String text, UUID callerId) {
    }
}
