package app.haven.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.rsocket.server.LocalRSocketServerPort;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.messaging.MessagingApi.Person;
import app.haven.support.HavenTest;
import app.haven.support.RSocketClients;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import io.rsocket.core.Resume;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;
import reactor.util.retry.Retry;

/**
 * RSocket resumption: when a client's connection drops (here a proxy between it and Haven cuts
 * every connection), the client reconnects within the session window and its open inbox stream
 * carries on, with the messages sent while it was away delivered once each, without subscribing
 * again.
 */
@HavenTest
// an application of its own: after Spring's test context cache pauses and restarts a shared
// application, a resuming client's streams stayed silent (a test-only restart; see the note)
@TestPropertySource(properties = "haven.rsocket.resume-session=90s")
class ResumptionIT {

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired RSocketRequester.Builder rsocket;
    @Autowired RSocketStrategies strategies;
    @LocalRSocketServerPort int tcpPort;

    @Test
    void aDroppedConnectionResumesItsStreamsWithoutLosingOrRepeatingAMessage() {
        MessagingApi api = new MessagingApi(http, tokens, people);
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);
        List<Connection> upstream = new CopyOnWriteArrayList<>();
        DisposableServer proxy = TcpServer.create().host("localhost").port(0)
                .handle((inbound, outbound) -> TcpClient.create().host("localhost").port(tcpPort).connect()
                        .flatMap(toHaven -> {
                            upstream.add(toHaven);
                            Mono<Void> up = toHaven.outbound().send(inbound.receive().retain()).then();
                            Mono<Void> down = outbound.send(toHaven.inbound().receive().retain()).then();
                            return Mono.firstWithSignal(up, down, toHaven.onDispose());
                        }))
                .bindNow();
        RSocketRequester resumable = rsocket
                .rsocketStrategies(strategies.mutate().encoder(new BearerTokenAuthenticationEncoder()).build())
                .dataMimeType(MediaType.APPLICATION_JSON)
                .setupMetadata(new BearerTokenMetadata(you.token()), RSocketClients.AUTHENTICATION)
                .rsocketConnector(connector -> connector.resume(new Resume()
                        .retry(Retry.fixedDelay(50, Duration.ofMillis(200)))))
                .tcp("localhost", proxy.port());
        List<Map<String, Object>> inbox = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Disposable stream = resumable.route("inbox").retrieveFlux(RealTimeIT.EVENT).subscribe(inbox::add, failure::set);
        Mono.delay(Duration.ofMillis(500)).block();
        api.sentId(me, direct, "before the drop");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(failure.get()).as("the inbox stream failed").isNull();
            assertThat(RealTimeIT.contents(inbox)).as("connections through the proxy: %s, Haven's port %s", upstream.size(), tcpPort).hasSize(1);
        });

        upstream.forEach(Connection::dispose);
        api.sentId(me, direct, "while away 1");
        api.sentId(me, direct, "while away 2");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(RealTimeIT.contents(inbox))
                .containsExactly("before the drop", "while away 1", "while away 2"));
        assertThat(upstream).as("the client came back through a new connection").hasSizeGreaterThan(1);
        api.sentId(me, direct, "after");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RealTimeIT.contents(inbox))
                .containsExactly("before the drop", "while away 1", "while away 2", "after"));

        stream.dispose();
        resumable.dispose();
        proxy.disposeNow();
    }
}
