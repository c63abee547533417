package app.haven.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.rsocket.server.LocalRSocketServerPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.messaging.MessagingApi.Person;
import app.haven.support.HavenTest;
import app.haven.support.RSocketClients;
import app.haven.support.RSocketClients.Transport;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The real-time routes over TCP and over WebSocket, as the apps use them: events of every kind
 * arrive on the inbox and the conversation stream, sending works over RSocket too, a reconnect
 * with {@code since} replays exactly what was missed, and no one outside a conversation can
 * stream it or send into it.
 */
@HavenTest
class RealTimeIT {

    static final ParameterizedTypeReference<Map<String, Object>> EVENT = new ParameterizedTypeReference<>() { };
    static final Duration SOON = Duration.ofSeconds(10);

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired RSocketRequester.Builder rsocket;
    @Autowired RSocketStrategies strategies;
    @LocalRSocketServerPort int tcpPort;
    @LocalServerPort int httpPort;

    MessagingApi api;
    private final List<RSocketRequester> connections = new ArrayList<>();
    private final List<Disposable> subscriptions = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new MessagingApi(http, tokens, people);
    }

    @AfterEach
    void disconnect() {
        subscriptions.forEach(Disposable::dispose);
        connections.forEach(RSocketRequester::dispose);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyKindOfEventReachesTheInboxAndTheConversationStream(Transport transport) {
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);
        List<Map<String, Object>> inbox = listen(connect(transport, you).route("inbox"));
        List<Map<String, Object>> stream = listen(connect(transport, you).route("conversations.{id}.events", direct));
        RSocketRequester mine = connect(transport, me);

        String sentByRest = api.sentId(me, direct, "by REST");
        Map<String, Object> sentByRSocket = mine.route("conversations.{id}.send", direct)
                .data(Map.of("content", "by RSocket", "type", "TEXT", "clientMessageId", "c-1"))
                .retrieveMono(EVENT).block(SOON);
        assertThat(sentByRSocket).containsEntry("content", "by RSocket").containsEntry("conversationId", direct);
        api.put(me, Map.of("content", "by REST, edited"), MessagingApi.MESSAGES + "/{id}", sentByRest)
                .expectStatus().isOk();
        api.post(you, Map.of("emoji", "👍"), MessagingApi.MESSAGES + "/{id}/reactions", sentByRest)
                .expectStatus().isCreated();
        mine.route("conversations.{id}.typing", direct).data(Map.of("typing", true)).send().block(SOON);
        await().atMost(SOON).until(() -> types(inbox).contains("TYPING"));
        connect(transport, you).route("conversations.{id}.read", direct)
                .data(Map.of("messageId", sentByRSocket.get("id"))).send().block(SOON);
        await().atMost(SOON).until(() -> types(inbox).contains("MESSAGE_READ"));
        api.delete(me, MessagingApi.MESSAGES + "/{id}", sentByRest).expectStatus().isNoContent();

        // typing withdraws itself a few seconds after the last signal
        List<String> expected = List.of("MESSAGE_SENT", "UNREAD_COUNT", "MESSAGE_SENT", "UNREAD_COUNT", "MESSAGE_EDITED",
                "REACTION_ADDED", "TYPING", "MESSAGE_READ", "UNREAD_COUNT", "MESSAGE_DELETED", "TYPING");
        await().atMost(SOON).untilAsserted(() -> {
            assertThat(types(inbox)).containsExactlyElementsOf(expected);
            assertThat(types(stream)).containsExactlyElementsOf(expected);
        });
        assertThat(inbox).allSatisfy(event -> assertThat(event).containsEntry("conversationId", direct)
                .containsKeys("at", "payload", "cursor"));
        assertThat(payload(inbox.get(0))).containsEntry("content", "by REST").containsEntry("senderId", me.idText());
        assertThat(unreadCounts(inbox)).as("after each message, then after reading").containsExactly(1, 2, 0);
        assertThat(payload(inbox.get(6))).containsEntry("userId", me.idText()).containsEntry("typing", true);
        assertThat(payload(inbox.get(10))).containsEntry("userId", me.idText()).containsEntry("typing", false);

        // opening the conversation's stream is a read of its messages, recorded under the conversation
        assertThat(MessagingApi.items(MessagingApi.json(api.get(api.admin(), uri -> MessagingApi.withQuery(
                        uri.path(MessagingApi.ACCESS_AUDIT), "actorId", you.id()).build()), HttpStatus.OK)))
                .singleElement().satisfies(entry -> assertThat(entry).containsEntry("resource", "MESSAGES")
                        .containsEntry("resourceId", direct).containsEntry("subjectId", null));
    }

    @Test
    void everyoneInAGroupSeesTheirOwnUnreadCountAndNoOneElses() {
        Person me = api.therapist();
        Person caughtUp = api.therapist();
        Person behind = api.therapist();
        String group = api.newGroupId(me, caughtUp, behind);
        api.sentId(me, group, "first");
        List<Map<String, Object>> senders = listen(connect(Transport.TCP, me).route("inbox"));
        List<Map<String, Object>> caughtUps = listen(connect(Transport.TCP, caughtUp).route("inbox"));
        List<Map<String, Object>> behinds = listen(connect(Transport.WEBSOCKET, behind).route("inbox"));
        api.readConversation(caughtUp, group).expectStatus().isNoContent();

        api.sentId(me, group, "second");

        await().atMost(SOON).untilAsserted(() -> {
            assertThat(unreadCounts(caughtUps)).as("read, then one new").containsExactly(0, 1);
            assertThat(unreadCounts(behinds)).as("both unread").containsExactly(2);
        });
        Mono.delay(Duration.ofMillis(300)).block();
        assertThat(types(senders)).as("the sender's own message is not unread to them")
                .containsExactly("MESSAGE_READ", "MESSAGE_SENT");
        assertThat(behinds).filteredOn(event -> "UNREAD_COUNT".equals(event.get("type")))
                .allSatisfy(event -> assertThat(payload(event)).containsOnlyKeys("unreadCount"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aReconnectWithSinceReplaysExactlyWhatWasMissedThenContinuesLive(Transport transport) {
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);
        List<Map<String, Object>> first = new CopyOnWriteArrayList<>();
        Disposable firstConnection = connect(transport, you).route("inbox").retrieveFlux(EVENT)
                .subscribe(first::add, error -> { });
        // the stream is open once the server has subscribed it to the live feed
        Mono.delay(Duration.ofMillis(300)).block();
        api.sentId(me, direct, "before the drop");
        // (a stream without a cursor may also get what happened just before it opened)
        await().atMost(SOON).untilAsserted(() -> assertThat(types(first)).endsWith("MESSAGE_SENT", "UNREAD_COUNT"));
        firstConnection.dispose();
        String cursor = (String) first.get(first.size() - 1).get("cursor");

        for (int i = 1; i <= 5; i++) {
            api.sentId(me, direct, "missed " + i);
        }
        List<Map<String, Object>> resumed = new CopyOnWriteArrayList<>();
        subscriptions.add(connect(transport, you).route("inbox").data(Map.of("since", cursor)).retrieveFlux(EVENT)
                .subscribe(resumed::add, error -> { }));
        await().atMost(SOON).untilAsserted(() -> assertThat(contents(resumed)).hasSize(5));
        api.sentId(me, direct, "live again");

        await().atMost(SOON).untilAsserted(() -> assertThat(contents(resumed))
                .containsExactly("missed 1", "missed 2", "missed 3", "missed 4", "missed 5", "live again"));
        assertThat(unreadCounts(resumed)).containsExactly(2, 3, 4, 5, 6, 7);
        Mono.delay(Duration.ofMillis(500)).block();
        assertThat(resumed).hasSize(12);
    }

    @Test
    void aCursorHavenNeverHandedOutIsRefused() {
        Person me = api.therapist();
        StepVerifier.create(connect(Transport.TCP, me).route("inbox").data(Map.of("since", "not-a-cursor"))
                        .retrieveFlux(EVENT))
                .expectErrorSatisfies(error -> assertThat(error.getMessage()).startsWith("cursor-expired"))
                .verify(SOON);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void someoneOutsideTheConversationCanNeitherStreamNorSendNorTypeIntoIt(Transport transport) {
        Person me = api.therapist();
        Person you = api.therapist();
        Person outsider = api.therapist();
        String direct = api.newDirectId(me, you);
        RSocketRequester theirs = connect(transport, outsider);
        List<Map<String, Object>> outsiderInbox = listen(theirs.route("inbox"));

        StepVerifier.create(theirs.route("conversations.{id}.events", direct).retrieveFlux(EVENT))
                .expectErrorSatisfies(error -> assertThat(error.getMessage()).contains("not found"))
                .verify(SOON);
        StepVerifier.create(theirs.route("conversations.{id}.send", direct)
                        .data(Map.of("content", "let me in", "type", "TEXT")).retrieveMono(EVENT))
                .expectErrorSatisfies(error -> assertThat(error.getMessage()).contains("not found"))
                .verify(SOON);
        theirs.route("conversations.{id}.typing", direct).data(Map.of("typing", true)).send().block(SOON);

        api.sentId(me, direct, "private");
        Mono.delay(Duration.ofSeconds(1)).block();
        assertThat(outsiderInbox).isEmpty();
        assertThat(api.history(me, direct)).extracting(message -> message.get("content")).containsExactly("private");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theChatChannelTakesCommandsAndAnswersWithInboxEvents(Transport transport) {
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);
        List<Map<String, Object>> yours = listen(connect(transport, you).route("inbox"));

        List<Map<String, Object>> mine = new CopyOnWriteArrayList<>();
        Flux<Map<String, Object>> commands = Flux.just(
                Map.of("op", "SEND", "conversationId", direct, "content", "over the channel", "type", "TEXT"),
                Map.of("op", "SEND", "conversationId", "000000000000000000000000", "content", "nowhere", "type", "TEXT",
                        "clientMessageId", "lost-1"),
                Map.of("op", "TYPING", "conversationId", direct, "typing", true));
        subscriptions.add(connect(transport, me).route("chat").data(commands).retrieveFlux(EVENT)
                .subscribe(mine::add, error -> { }));

        await().atMost(SOON).untilAsserted(() -> {
            assertThat(types(yours)).startsWith("MESSAGE_SENT", "UNREAD_COUNT", "TYPING");
            assertThat(types(mine)).contains("MESSAGE_SENT", "COMMAND_REJECTED");
        });
        Map<String, Object> rejected = mine.stream().filter(event -> "COMMAND_REJECTED".equals(event.get("type")))
                .findFirst().orElseThrow();
        assertThat(payload(rejected)).containsEntry("reason", "not-found").containsEntry("clientMessageId", "lost-1");
    }

    RSocketRequester connect(Transport transport, Person person) {
        RSocketRequester requester = RSocketClients.connect(rsocket, strategies, transport, tcpPort, httpPort,
                person.token());
        connections.add(requester);
        return requester;
    }

    List<Map<String, Object>> listen(RSocketRequester.RetrieveSpec route) {
        List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
        subscriptions.add(route.retrieveFlux(EVENT).subscribe(events::add,
                error -> events.add(Map.of("type", "STREAM_FAILED", "payload", Map.of("error", String.valueOf(error))))));
        // the stream is open once the server has subscribed it to the live feed; a stream without a
        // cursor may also get what happened just before it opened, which the test does not watch
        Mono.delay(Duration.ofMillis(300)).block();
        events.removeIf(event -> !"STREAM_FAILED".equals(event.get("type")));
        return events;
    }

    private static List<String> types(List<Map<String, Object>> events) {
        return events.stream().map(event -> (String) event.get("type")).toList();
    }

    /** The contents of the messages among the events. */
    static List<String> contents(List<Map<String, Object>> events) {
        return events.stream().filter(event -> "MESSAGE_SENT".equals(event.get("type")))
                .map(event -> (String) payload(event).get("content")).toList();
    }

    static List<Integer> unreadCounts(List<Map<String, Object>> events) {
        return events.stream().filter(event -> "UNREAD_COUNT".equals(event.get("type")))
                .map(event -> (Integer) payload(event).get("unreadCount")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(Map<String, Object> event) {
        return (Map<String, Object>) event.get("payload");
    }

}
