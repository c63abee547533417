package app.haven.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.rsocket.server.LocalRSocketServerPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.messaging.MessagingApi.Person;
import app.haven.support.HavenTest;
import app.haven.support.RSocketClients;
import app.haven.support.RSocketClients.Transport;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import reactor.core.Disposable;
import io.rsocket.exceptions.RejectedSetupException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Limits on live connections, set small: a subscriber that reads slowly does not hold back one that
 * reads fast, is told it fell behind, and loses nothing when it resumes from its last cursor; and a
 * person cannot hold more connections open than allowed.
 */
@HavenTest
@TestPropertySource(properties = { "haven.messaging.live-buffer=8", "haven.messaging.max-connections-per-person=3" })
class SlowSubscriberIT {

    private static final int MESSAGES = 40;

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired RSocketRequester.Builder rsocket;
    @Autowired RSocketStrategies strategies;
    @LocalRSocketServerPort int tcpPort;
    @LocalServerPort int httpPort;

    @Test
    void aSlowSubscriberFallsBehindAloneAndResumesWithoutLosingAMessage() {
        MessagingApi api = new MessagingApi(http, tokens, people);
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);

        List<Map<String, Object>> fast = new CopyOnWriteArrayList<>();
        List<Map<String, Object>> slow = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> slowEnded = new AtomicReference<>();
        RSocketRequester fastConnection = connect(you);
        RSocketRequester slowConnection = connect(you);
        Disposable fastStream = fastConnection.route("inbox").retrieveFlux(RealTimeIT.EVENT)
                .subscribe(fast::add, error -> { });
        // asks for one event at a time, and takes half a second over each
        Disposable slowStream = slowConnection.route("inbox").retrieveFlux(RealTimeIT.EVENT)
                .limitRate(1)
                .concatMap(event -> Mono.delay(Duration.ofMillis(500)).thenReturn(event), 1)
                .subscribe(slow::add, slowEnded::set);
        Mono.delay(Duration.ofMillis(500)).block();

        IntStream.rangeClosed(1, MESSAGES).forEach(i -> api.sentId(me, direct, "message " + i));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(RealTimeIT.contents(fast)).hasSize(MESSAGES));
        assertThat(RealTimeIT.contents(slow).size()).as("the slow subscriber was still reading when the fast one had everything")
                .isLessThan(MESSAGES / 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(slowEnded.get()).isNotNull());
        assertThat(slowEnded.get().getMessage()).startsWith("fell-behind");

        List<Map<String, Object>> resumed = new CopyOnWriteArrayList<>(slow);
        String cursor = (String) slow.get(slow.size() - 1).get("cursor");
        Disposable again = slowConnection.route("inbox").data(Map.of("since", cursor)).retrieveFlux(RealTimeIT.EVENT)
                .subscribe(resumed::add, error -> { });
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(RealTimeIT.contents(resumed)).hasSize(MESSAGES));
        assertThat(RealTimeIT.contents(resumed)).containsExactlyElementsOf(IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> "message " + i).toList());

        List.of(fastStream, slowStream, again).forEach(Disposable::dispose);
        fastConnection.dispose();
        slowConnection.dispose();
    }

    @Test
    void aConnectionPastThePerPersonCapIsRefusedUntilOneCloses() {
        MessagingApi api = new MessagingApi(http, tokens, people);
        Person me = api.therapist();
        List<RSocketRequester> open = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RSocketRequester connection = connect(me);
            connection.route("presence").data(Map.of("userIds", List.of())).retrieveFlux(Map.class)
                    .take(Duration.ofMillis(200)).blockLast(Duration.ofSeconds(10));
            open.add(connection);
        }

        RSocketRequester oneTooMany = connect(me);
        StepVerifier.create(oneTooMany.route("presence").data(Map.of("userIds", List.of())).retrieveFlux(Map.class))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RejectedSetupException.class)
                        .hasMessageContaining("connections open"))
                .verify(Duration.ofSeconds(10));

        open.remove(0).dispose();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            RSocketRequester again = connect(me);
            try {
                again.route("presence").data(Map.of("userIds", List.of())).retrieveFlux(Map.class)
                        .take(Duration.ofMillis(200)).blockLast(Duration.ofSeconds(5));
                open.add(again);
            } catch (RuntimeException refused) {
                again.dispose();
                throw new AssertionError("still refused", refused);
            }
        });
        open.forEach(RSocketRequester::dispose);
    }

    private RSocketRequester connect(Person person) {
        return RSocketClients.connect(rsocket, strategies, Transport.TCP, tcpPort, httpPort, person.token());
    }
}
