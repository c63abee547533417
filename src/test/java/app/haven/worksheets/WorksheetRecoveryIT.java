package app.haven.worksheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.shared.EventOutbox;
import app.haven.shared.Role;
import app.haven.shared.Transactions;
import app.haven.support.IsolatedTestStores;
import app.haven.support.KilledHaven;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * A worksheet assigned just before Haven's process was killed (SIGKILL): the worksheet and its
 * WorksheetAssigned event were committed together, but nothing was delivered (the relay is off in
 * the first run, so that the kill surely comes between the commit and the delivery). After a
 * restart on the same stores the therapy conversation shows exactly one system message for it, and
 * the same event delivered once more adds none.
 */
class WorksheetRecoveryIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Test
    void aWorksheetAssignedJustBeforeTheProcessWasKilledIsAnnouncedOnceAfterTheRestart() throws Exception {
        String store = IsolatedTestStores.newName();
        String[] keptDocuments = { "--haven.embedded-mongo.backend=file",
                "--haven.embedded-mongo.directory=target/test-data/" + store + "/mongo" };
        String[] assigned = KilledHaven.runThenKill(store, WorksheetAssignedThenKilled.class,
                with(keptDocuments, "--haven.events.relay-enabled=false")).split(" ");
        UUID therapist = UUID.fromString(assigned[0]);
        UUID client = UUID.fromString(assigned[1]);
        UUID worksheet = UUID.fromString(assigned[2]);
        Instant due = Instant.parse(assigned[3]);

        try (ConfigurableApplicationContext second = IsolatedTestStores.startHaven(store, keptDocuments)) {
            WebTestClient http = http(second);
            String therapistToken = TestTokens.signingWith(second.getBean(JwtEncoder.class)).of(therapist, Role.THERAPIST);
            await().atMost(DELIVERY).untilAsserted(() -> assertThat(systemMessages(http, therapistToken))
                    .containsExactly("New worksheet: Sleep diary, due " + DAY.format(due)));

            second.getBean(Transactions.class).commit(second.getBean(EventOutbox.class).stage(
                    new WorksheetAssigned(worksheet, null, client, therapist, due, Instant.now())))
                    .block(Duration.ofSeconds(10));
            await().atMost(DELIVERY).until(() -> undelivered(second) == 0);
            assertThat(systemMessages(http, therapistToken)).hasSize(1);
        }
    }

    /** In the process that is killed: a therapist assigns a worksheet to their client, over HTTP. */
    public static class WorksheetAssignedThenKilled implements KilledHaven.Step {

        @Override
        public String run(ConfigurableApplicationContext haven) {
            WebTestClient http = http(haven);
            TestTokens tokens = TestTokens.signingWith(haven.getBean(JwtEncoder.class));
            TestPeople people = TestPeople.on(tokens, http);
            UUID therapist = people.therapist();
            UUID client = people.client();
            Instant due = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            http.post().uri("/api/v1/patients/{id}/assignments", client)
                    .headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.STAFF)))
                    .bodyValue(Map.of("therapistId", therapist)).exchange().expectStatus().isCreated();
            Map<String, Object> assigned = http.post().uri("/api/v1/worksheets")
                    .headers(h -> h.setBearerAuth(tokens.of(therapist, Role.THERAPIST)))
                    .bodyValue(Map.of("clientId", client, "title", "Sleep diary", "instructions", "Note bed and wake times",
                            "dueDate", due.toString()))
                    .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
            assertThat(conversations(http, tokens.of(therapist, Role.THERAPIST))).isEmpty();
            return therapist + " " + client + " " + assigned.get("id") + " " + due;
        }
    }

    private static String[] with(String[] arguments, String more) {
        String[] all = Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = more;
        return all;
    }

    private static WebTestClient http(ConfigurableApplicationContext haven) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + haven.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> conversations(WebTestClient http, String token) {
        return (List<Map<String, Object>>) http.get().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("items");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> systemMessages(WebTestClient http, String token) {
        List<Map<String, Object>> conversations = conversations(http, token);
        if (conversations.isEmpty()) {
            return List.of();
        }
        Map<String, Object> page = http.get().uri("/api/v1/conversations/{id}/messages", conversations.get(0).get("id"))
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk().expectBody(JSON)
                .returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(message -> "SYSTEM".equals(message.get("type"))).map(message -> message.get("content"))
                .filter(content -> String.valueOf(content).startsWith("New worksheet")).toList();
    }

    /** Events not yet relayed, plus relayed ones whose listeners have not all completed. */
    private static int undelivered(ConfigurableApplicationContext haven) {
        JdbcTemplate jdbc = haven.getBean(JdbcTemplate.class);
        return jdbc.queryForObject("SELECT COUNT(*) FROM event_outbox WHERE relayed_at IS NULL", Integer.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL",
                        Integer.class);
    }
}
