package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.support.IsolatedTestStores;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * PostgreSQL restarts while people are writing: no request hangs (each is answered, 201 or a 503
 * problem, within a bound), no acknowledged write is lost, and writes succeed again by themselves.
 * It restarts the machine's real server, so it runs only where CI asks for it with
 * {@code -Dhaven.test.postgres-restart=<command>}, in a Maven run of its own after the PostgreSQL
 * pass (a restart breaks every pooled connection of the other test applications in the JVM).
 */
@EnabledIfSystemProperty(named = "haven.test.postgres-restart", matches = ".+")
class PostgresRestartIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final int WRITERS = 8;
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(15);

    @Test
    void noRequestHangsAndNoAcknowledgedWriteIsLostAcrossARestart() throws Exception {
        try (ConfigurableApplicationContext haven = IsolatedTestStores.startHaven(IsolatedTestStores.newName())) {
            WebTestClient http = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + haven.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(ANSWERED_WITHIN.plusSeconds(15)).build();
            TestTokens tokens = TestTokens.signingWith(haven.getBean(JwtEncoder.class));
            TestPeople people = TestPeople.on(tokens, http);
            List<String> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                writers.add(tokens.of(people.client(), Role.CLIENT));
            }

            Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> slow = new ConcurrentLinkedQueue<>();
            AtomicLong acknowledgedAfterRestart = new AtomicLong();
            AtomicBoolean restarted = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(WRITERS);
            Instant until = Instant.now().plus(LOAD);
            for (String writer : writers) {
                Thread worker = new Thread(() -> {
                    try {
                        while (Instant.now().isBefore(until)) {
                            long asked = System.nanoTime();
                            EntityExchangeResult<Map<String, Object>> answer = http.post()
                                    .uri("/api/v1/portal/mood-entries").headers(h -> h.setBearerAuth(writer))
                                    .bodyValue(Map.of("mood", 6, "recordedAt",
                                            Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()))
                                    .exchange().expectBody(JSON).returnResult();
                            Duration took = Duration.ofNanos(System.nanoTime() - asked);
                            statuses.computeIfAbsent(answer.getStatus().value(), status -> new AtomicLong()).incrementAndGet();
                            if (took.compareTo(ANSWERED_WITHIN) > 0) {
                                slow.add(answer.getStatus() + " after " + took);
                            }
                            if (answer.getStatus().value() == 201) {
                                acknowledged.computeIfAbsent(writer, w -> ConcurrentHashMap.newKeySet())
                                        .add((String) answer.getResponseBody().get("id"));
                                if (restarted.get()) {
                                    acknowledgedAfterRestart.incrementAndGet();
                                }
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                });
                worker.setDaemon(true);
                worker.start();
            }

            Thread.sleep(4_000);
            Process restart = new ProcessBuilder("bash", "-c", System.getProperty("haven.test.postgres-restart"))
                    .inheritIO().start();
            assertThat(restart.waitFor()).as("the restart command").isZero();
            restarted.set(true);
            done.await();

            assertThat(slow).as("requests answered later than " + ANSWERED_WITHIN).isEmpty();
            assertThat(statuses.keySet()).as("answers during the restart: " + statuses).isSubsetOf(201, 503);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.post().uri("/api/v1/portal/mood-entries")
                    .headers(h -> h.setBearerAuth(writers.get(0))).bodyValue(Map.of("mood", 7)).exchange()
                    .expectStatus().isCreated());
            for (String writer : writers) {
                Set<String> stored = stored(http, writer);
                assertThat(stored).as("every acknowledged entry is still there")
                        .containsAll(acknowledged.getOrDefault(writer, Set.of()));
            }
            System.out.printf("PostgreSQL restart under load: answers %s, %d acknowledged after the restart%n",
                    statuses, acknowledgedAfterRestart.get());
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> stored(WebTestClient http, String token) {
        Set<String> ids = new java.util.HashSet<>();
        String cursor = null;
        do {
            String query = "/api/v1/portal/mood-entries?limit=200" + (cursor == null ? "" : "&cursor=" + cursor);
            Map<String, Object> page = http.get().uri(query).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
            ((List<Map<String, Object>>) page.get("items")).forEach(entry -> ids.add((String) entry.get("id")));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
