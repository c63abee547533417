package app.haven.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.rsocket.server.LocalRSocketServerPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.shared.Role;
import app.haven.support.HavenTest;
import app.haven.support.RSocketClients;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import reactor.blockhound.BlockHound;

/**
 * Haven's own code never blocks an event-loop thread. BlockHound watches every request this test
 * drives (sign-up, sign-in, an assignment crossing to messaging, lists, an RSocket stream); it runs
 * in its own JVM (a separate Failsafe execution) because BlockHound instruments the whole JVM.
 * <p>
 * Allowed: the embedded stores (r2dbc-h2 and the in-process MongoDB server do their work on the
 * calling thread; PostgreSQL and MongoDB in production do not), the in-process MongoDB server's own
 * event loops (Netty's default {@code multiThreadIoEventLoopGroup-} threads; Haven's event loops are
 * Reactor Netty's), idle pool workers waiting for their next task, the MongoDB driver's lock around
 * its queue of connection requests (held for a few instructions; it parks only under contention),
 * and class loading and logging.
 */
@HavenTest
class NoBlockingOnEventLoopsIT {

    private static final Set<String> ALLOWED = Set.of("org.h2.", "io.r2dbc.h2.", "de.bwaldvogel.mongo.",
            "ch.qos.logback.", "java.lang.ClassLoader", "jdk.internal.loader.", "sun.security.");
    private static final String EMBEDDED_MONGO_EVENT_LOOPS = "multiThreadIoEventLoopGroup-";
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    static {
        // install(...) also loads the Reactor and Netty integrations that say which threads are event loops
        BlockHound.install(builder -> builder
                // an idle pool worker (Reactor's parallel workers included) parks while it waits for work
                .allowBlockingCallsInside("java.util.concurrent.ThreadPoolExecutor", "getTask")
                .allowBlockingCallsInside("com.mongodb.internal.connection.DefaultConnectionPool$AsyncWorkManager",
                        "enqueue")
                // Netty reads its native epoll library out of its jar once, on the first connection
                // of the process, whichever thread opens it (on PostgreSQL, a poller's R2DBC connection)
                .allowBlockingCallsInside("io.netty.util.internal.NativeLibraryLoader", "load")
                .blockingMethodCallback(method -> {
                    StackTraceElement[] stack = new Throwable().getStackTrace();
                    boolean allowed = Thread.currentThread().getName().startsWith(EMBEDDED_MONGO_EVENT_LOOPS)
                            || Arrays.stream(stack)
                                    .anyMatch(frame -> ALLOWED.stream().anyMatch(frame.getClassName()::startsWith));
                    if (!allowed) {
                        // recorded, not thrown: an error thrown inside a driver's callback would leave its
                        // request hanging and hide the cause behind a timeout
                        String violation = method + " on " + Thread.currentThread().getName() + " at\n  "
                                + Arrays.stream(stack).limit(40).map(StackTraceElement::toString)
                                        .collect(java.util.stream.Collectors.joining("\n  "));
                        System.err.println("BLOCKING CALL ON AN EVENT LOOP: " + violation);
                        VIOLATIONS.add(violation);
                    }
                }));
    }

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired RSocketRequester.Builder rsocket;
    @Autowired RSocketStrategies strategies;
    @LocalRSocketServerPort int tcpPort;
    @LocalServerPort int httpPort;

    @Test
    void theMainPathsNeverBlockAnEventLoop() {
        String email = "nonblocking-" + UUID.randomUUID() + "@example.org";
        http.post().uri("/api/v1/auth/register")
                .bodyValue(Map.of("email", email, "password", "a long enough password", "firstName", "Nora",
                        "lastName", "Lindqvist"))
                .exchange().expectStatus().isCreated();
        http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", email, "password", "wrong password!!"))
                .exchange().expectStatus().isUnauthorized();

        UUID client = people.client();
        UUID therapist = people.therapist();
        RSocketRequester inbox = RSocketClients.connect(rsocket, strategies, RSocketClients.Transport.TCP, tcpPort,
                httpPort, tokens.of(client, Role.CLIENT));
        List<Object> pushed = new CopyOnWriteArrayList<>();
        var subscription = inbox.route("inbox").retrieveFlux(Map.class).subscribe(pushed::add);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                http.post().uri("/api/v1/patients/{clientId}/assignments", client)
                        .headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.STAFF)))
                        .bodyValue(Map.of("therapistId", therapist))
                        .exchange().expectStatus().isCreated());
        // the assignment crosses to messaging through the outbox relay and an asynchronous listener;
        // a blocked call on the way shows here at once instead of as a timeout
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(VIOLATIONS).isEmpty();
            http.get().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(tokens.of(client, Role.CLIENT)))
                        .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1);
        });
        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(tokens.of(client, Role.CLIENT)))
                .exchange().expectStatus().isOk();
        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.CLIENT)))
                .exchange().expectStatus().isNotFound();

        subscription.dispose();
        inbox.dispose();
    }

    /** Checked even when the test failed first: a blocked event loop is often why a request hung. */
    @AfterEach
    void noEventLoopBlocked() {
        assertThat(VIOLATIONS).isEmpty();
    }
}
