package app.haven.patients;

import static app.haven.patients.PatientsApi.SESSIONS;
import static app.haven.patients.PatientsApi.fromNow;
import static app.haven.patients.PatientsApi.id;
import static app.haven.patients.PatientsApi.ids;
import static app.haven.patients.PatientsApi.json;
import static app.haven.patients.PatientsApi.problem;
import static app.haven.patients.PatientsApi.sessionRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import app.haven.shared.Role;
import app.haven.support.HavenTest;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A therapist is never booked twice for the same minutes: not by requests racing each other
 * (the database decides, on H2 here and on PostgreSQL in CI's second pass), not by a
 * reschedule; while back-to-back sessions, another therapist's sessions and a cancelled session's
 * slot are fine.
 */
@HavenTest
class SessionOverlapIT {

    private static final int RACERS = 8;

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @LocalServerPort int port;

    private PatientsApi api;

    @BeforeEach
    void setUp() {
        api = new PatientsApi(http, tokens);
    }

    @Test
    void ofOverlappingRequestsRacingForOneTherapistExactlyOneIsBooked() {
        UUID therapist = people.therapist();
        String token = api.token(therapist, Role.THERAPIST);
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            UUID client = people.client("Racer", "Number" + i);
            api.assign(client, therapist);
            clients.add(client);
        }
        WebClient web = WebClient.builder().baseUrl("http://localhost:" + port).build();

        // three rounds, each of RACERS requests whose times all overlap one another
        for (int round = 0; round < 3; round++) {
            Instant base = fromNow(Duration.ofDays(10 + round));
            List<Answer> answers = Flux.range(0, RACERS)
                    .flatMap(i -> post(web, token, sessionRequest(clients.get(i),
                            base.plus(Duration.ofMinutes(5L * i)), 60, "INDIVIDUAL")), RACERS)
                    .collectList()
                    .block(Duration.ofSeconds(60));

            assertThat(answers).as("round %d", round).hasSize(RACERS);
            assertThat(answers).as("round %d: one booked", round).filteredOn(answer -> answer.status() == 201)
                    .hasSize(1);
            assertThat(answers).as("round %d: the others refused as conflicts", round)
                    .filteredOn(answer -> answer.status() != 201)
                    .hasSize(RACERS - 1)
                    .allSatisfy(answer -> {
                        assertThat(answer.status()).isEqualTo(409);
                        assertThat(answer.contentType()).isNotNull();
                        assertThat(answer.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                                .as(answer.contentType().toString()).isTrue();
                        assertThat(answer.body()).containsPattern("\"status\"\\s*:\\s*409");
                    });
            List<Map<String, Object>> stored = api.sessions(token, "from", base.minus(Duration.ofHours(2)),
                    "to", base.plus(Duration.ofHours(2)));
            assertThat(stored).as("round %d: one session stored", round).hasSize(1);
        }
    }

    @Test
    void backToBackSessionsFitWhileAnyOverlapIsAConflict() {
        UUID therapist = people.therapist();
        UUID first = people.client();
        UUID second = people.client();
        api.assign(first, therapist);
        api.assign(second, therapist);
        String token = api.token(therapist, Role.THERAPIST);
        Instant nine = fromNow(Duration.ofDays(5));

        api.scheduled(token, first, nine, 50, "INDIVIDUAL");
        api.scheduled(token, second, nine.plus(Duration.ofMinutes(50)), 30, "INDIVIDUAL");
        api.scheduled(token, second, nine.minus(Duration.ofMinutes(30)), 30, "INDIVIDUAL");

        problem(api.schedule(token, second, nine.plus(Duration.ofMinutes(49)), 30, "INDIVIDUAL"), HttpStatus.CONFLICT);
        problem(api.schedule(token, second, nine.minus(Duration.ofMinutes(31)), 2, "INDIVIDUAL"), HttpStatus.CONFLICT);
        problem(api.schedule(token, second, nine.minus(Duration.ofHours(1)), 180, "FAMILY"), HttpStatus.CONFLICT);
        problem(api.schedule(token, second, nine.plus(Duration.ofMinutes(10)), 10, "INDIVIDUAL"), HttpStatus.CONFLICT);
        // the same client at the same time is a conflict too
        problem(api.schedule(token, first, nine, 50, "INDIVIDUAL"), HttpStatus.CONFLICT);
        assertThat(api.sessions(token)).hasSize(3);

        // another therapist's minutes are their own
        UUID other = people.therapist();
        UUID theirClient = people.client();
        api.assign(theirClient, other);
        api.scheduled(api.token(other, Role.THERAPIST), theirClient, nine, 50, "INDIVIDUAL");
    }

    @Test
    void aRescheduleIntoAnotherSessionIsAConflictAndChangesNothing() {
        UUID therapist = people.therapist();
        UUID first = people.client();
        UUID second = people.client();
        api.assign(first, therapist);
        api.assign(second, therapist);
        String token = api.token(therapist, Role.THERAPIST);
        Instant morning = fromNow(Duration.ofDays(6));

        UUID early = id(api.scheduled(token, first, morning, 50, "INDIVIDUAL"));
        UUID late = id(api.scheduled(token, second, morning.plus(Duration.ofHours(1)), 50, "INDIVIDUAL"));
        Map<String, Object> lateBefore = api.session(token, late);
        Map<String, Object> earlyBefore = api.session(token, early);

        problem(api.patch(token, Map.of("startsAt", morning.plus(Duration.ofMinutes(20)).toString()),
                SESSIONS + "/{id}", late), HttpStatus.CONFLICT);
        problem(api.patch(token, Map.of("durationMinutes", 90), SESSIONS + "/{id}", early), HttpStatus.CONFLICT);
        problem(api.patch(api.staffToken(), Map.of("startsAt", morning.minus(Duration.ofMinutes(30)).toString(),
                "durationMinutes", 60), SESSIONS + "/{id}", late), HttpStatus.CONFLICT);
        assertThat(api.session(token, late)).isEqualTo(lateBefore);
        assertThat(api.session(token, early)).isEqualTo(earlyBefore);

        // moving a session within its own minutes, or to where it ends as the next begins, is fine
        Map<String, Object> longer = json(api.patch(token, Map.of("durationMinutes", 60), SESSIONS + "/{id}", early),
                HttpStatus.OK);
        assertThat(longer).containsEntry("durationMinutes", 60);
        assertThat(Instant.parse((String) longer.get("endsAt"))).isEqualTo(morning.plus(Duration.ofHours(1)));
    }

    @Test
    void aCancelledSessionsSlotCanBeBookedAgainButACompletedOneCannot() {
        UUID therapist = people.therapist();
        UUID first = people.client();
        UUID second = people.client();
        api.assign(first, therapist);
        api.assign(second, therapist);
        String token = api.token(therapist, Role.THERAPIST);
        Instant slot = fromNow(Duration.ofDays(12));
        Instant otherSlot = fromNow(Duration.ofDays(13));

        UUID cancelled = id(api.scheduled(token, first, slot, 50, "INDIVIDUAL"));
        problem(api.schedule(token, second, slot, 50, "INDIVIDUAL"), HttpStatus.CONFLICT);
        json(api.cancel(token, cancelled, "Client moved the appointment"), HttpStatus.OK);
        UUID rebooked = id(api.scheduled(token, second, slot, 50, "INDIVIDUAL"));

        UUID completed = id(api.scheduled(token, first, otherSlot, 50, "INDIVIDUAL"));
        json(api.complete(token, completed, Map.of("notes", "Held early by agreement.")), HttpStatus.OK);
        problem(api.schedule(token, second, otherSlot.plus(Duration.ofMinutes(10)), 50, "INDIVIDUAL"),
                HttpStatus.CONFLICT);

        List<UUID> all = ids(api.sessions(token), "id");
        assertThat(all).containsExactlyInAnyOrder(cancelled, rebooked, completed);
        assertThat(all.get(2)).as("ordered by start").isEqualTo(completed);
        assertThat(api.session(token, cancelled)).containsEntry("status", "CANCELLED");
    }

    private static Mono<Answer> post(WebClient web, String token, Map<String, Object> body) {
        return web.post().uri(SESSIONS)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> new Answer(response.statusCode().value(),
                                response.headers().contentType().orElse(null), text)));
    }

    private record Answer(int status, MediaType contentType, String body) {
    }
}
