package app.haven.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.HavenApplication;
import app.haven.messaging.MessagingApi.Person;
import app.haven.support.IsolatedTestStores;
import app.haven.support.RSocketClients;
import app.haven.support.RSocketClients.Transport;
import app.haven.support.TestPeople;
import app.haven.support.TestProfiles;
import app.haven.support.TestTokens;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Two Haven instances on one relational store and one MongoDB, as behind a load balancer: a
 * message sent through either reaches subscribers connected to the other, over TCP and WebSocket,
 * and a person connected to one is ONLINE, then OFFLINE, to a watcher connected to the other.
 */
class TwoInstancesIT {

    private static final Duration SOON = Duration.ofSeconds(15);

    @Test
    void aMessageSentThroughOneInstanceReachesSubscribersOfTheOther() {
        ConfigurableApplicationContext a = firstInstance();
        try (a; ConfigurableApplicationContext b = secondOf(a)) {
            MessagingApi apiA = api(a, a);
            MessagingApi apiB = api(b, a);
            Person me = apiA.therapist();
            Person you = apiA.therapist();
            String direct = apiA.newDirectId(me, you);

            List<Map<String, Object>> yoursOnB = new CopyOnWriteArrayList<>();
            List<Map<String, Object>> mineOnA = new CopyOnWriteArrayList<>();
            RSocketRequester youOnB = connect(b, Transport.TCP, you);
            RSocketRequester meOnA = connect(a, Transport.WEBSOCKET, me);
            Disposable first = youOnB.route("inbox").retrieveFlux(RealTimeIT.EVENT).subscribe(yoursOnB::add, e -> { });
            Disposable second = meOnA.route("inbox").retrieveFlux(RealTimeIT.EVENT).subscribe(mineOnA::add, e -> { });
            Mono.delay(Duration.ofMillis(500)).block();

            apiA.sentId(me, direct, "sent through A");
            apiB.sentId(you, direct, "sent through B");

            await().atMost(SOON).untilAsserted(() -> {
                assertThat(RealTimeIT.contents(yoursOnB)).containsExactly("sent through A", "sent through B");
                assertThat(RealTimeIT.contents(mineOnA)).containsExactly("sent through A", "sent through B");
            });
            first.dispose();
            second.dispose();
            youOnB.dispose();
            meOnA.dispose();
        }
    }

    @Test
    void presenceIsTheSameWhicheverInstanceTheWatcherIsConnectedTo() {
        ConfigurableApplicationContext a = firstInstance();
        try (a; ConfigurableApplicationContext b = secondOf(a)) {
            MessagingApi api = api(a, a);
            Person watcher = api.therapist();
            Person colleague = api.therapist();

            List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
            RSocketRequester watching = connect(a, Transport.TCP, watcher);
            Disposable presence = watching.route("presence").data(Map.of("userIds", List.of(colleague.id())))
                    .retrieveFlux(RealTimeIT.EVENT).subscribe(seen::add, e -> { });
            await().atMost(SOON).untilAsserted(() -> assertThat(statuses(seen)).containsExactly("OFFLINE"));

            RSocketRequester colleagueOnB = connect(b, Transport.WEBSOCKET, colleague);
            colleagueOnB.route("presence").data(Map.of("userIds", List.of())).retrieveFlux(RealTimeIT.EVENT)
                    .take(Duration.ofMillis(200)).blockLast(SOON);
            await().atMost(SOON).untilAsserted(() -> assertThat(statuses(seen)).containsExactly("OFFLINE", "ONLINE"));

            colleagueOnB.dispose();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statuses(seen))
                    .containsExactly("OFFLINE", "ONLINE", "OFFLINE"));
            presence.dispose();
            watching.dispose();
        }
    }

    private static List<Object> statuses(List<Map<String, Object>> views) {
        return views.stream().map(view -> view.get("status")).toList();
    }

    private static RSocketRequester connect(ConfigurableApplicationContext instance, Transport transport, Person person) {
        int tcpPort = Integer.parseInt(instance.getEnvironment().getProperty("local.rsocket.server.port"));
        int httpPort = Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
        return RSocketClients.connect(instance.getBean(RSocketRequester.Builder.class),
                instance.getBean(RSocketStrategies.class), transport, tcpPort, httpPort, person.token());
    }

    /**
     * The first instance runs the embedded MongoDB server; like every instance that shares a
     * MongoDB, it carries live events through change streams.
     */
    private static ConfigurableApplicationContext firstInstance() {
        return start(IsolatedTestStores.newName(), "--haven.embedded-mongo.change-streams=true");
    }

    /** A second instance on the first one's relational store and MongoDB. */
    private static ConfigurableApplicationContext secondOf(ConfigurableApplicationContext first) {
        return start(first.getEnvironment().getProperty("haven.test.store-name"), "--spring.mongodb.uri="
                + first.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString());
    }

    /** The API of {@code instance}, with tokens signed by {@code signer} (both share the key). */
    private static MessagingApi api(ConfigurableApplicationContext instance, ConfigurableApplicationContext signer) {
        TestTokens tokens = TestTokens.signingWith(signer.getBean(JwtEncoder.class));
        WebTestClient http = client(instance);
        return new MessagingApi(http, tokens, TestPeople.on(tokens, http));
    }

    private static WebTestClient client(ConfigurableApplicationContext instance) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + instance.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static ConfigurableApplicationContext start(String store, String... extra) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--haven.test.store-name=" + store,
                "--server.port=0", "--spring.rsocket.server.port=0"));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(HavenApplication.class).profiles(TestProfiles.active())
                .run(arguments.toArray(String[]::new));
    }
}
