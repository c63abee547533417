package app.haven.worksheets;

import static app.haven.worksheets.WorksheetsApi.WORKSHEET;
import static app.haven.worksheets.WorksheetsApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.moments.HourHasPassed;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.support.HavenTest;
import app.haven.support.MovableClock;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import app.haven.support.WorksheetOverdueRecorder;
import app.haven.worksheets.WorksheetsApi.Person;

/**
 * Due dates pass without anyone asking, on a clock the test moves: the worksheet reads PAST_DUE at
 * once, the hourly sweep records it and announces it exactly once, and the therapist's panel
 * filters by it.
 */
@HavenTest
@Import(MovableClock.Configuration.class)
class WorksheetDueDatesIT {

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired MovableClock clock;
    @Autowired ApplicationEventPublisher events;

    private WorksheetsApi api;

    @BeforeEach
    void setUp() {
        api = new WorksheetsApi(http, tokens, people);
    }

    @AfterEach
    void backToNow() {
        clock.set(null);
    }

    @Test
    void anUnsubmittedWorksheetTurnsPastDueByItselfOnceAndThePanelSeesIt() {
        Person[] pair = api.pair();
        Person client = pair[0];
        Person therapist = pair[1];
        UUID due = UUID.fromString((String) api.assigned(therapist, client, "Activity log").get("id"));
        UUID handedIn = UUID.fromString((String) api.assigned(therapist, client, "Gratitude list").get("id"));
        json(api.post(client, WORKSHEET + "/submit", handedIn), HttpStatus.OK);
        assertThat(overdueInPanel(therapist)).doesNotContain(client.id().toString());

        clock.set(clock.instant().plus(Duration.ofDays(8)));

        assertThat(api.worksheet(client, due)).containsEntry("status", "PAST_DUE");
        assertThat(api.worksheet(client, handedIn)).containsEntry("status", "SUBMITTED");
        assertThat(api.list(therapist, "?status=PAST_DUE&clientId=" + client.id()))
                .extracting(item -> item.get("id")).containsExactly(due.toString());
        assertThat(overdueInPanel(therapist)).contains(client.id().toString());

        hourPasses();
        await().atMost(Duration.ofSeconds(15)).until(() -> WorksheetOverdueRecorder.received(due) == 1);
        hourPasses();
        // handed in late, then taken back: past due again, but not news again
        json(api.post(client, WORKSHEET + "/submit", due), HttpStatus.OK);
        assertThat(json(api.post(client, WORKSHEET + "/unsubmit", due), HttpStatus.OK)).containsEntry("status", "PAST_DUE");
        hourPasses();
        // a due date moved into the future opens it again
        assertThat(json(api.send(HttpMethod.PATCH, therapist,
                Map.of("dueDate", clock.instant().plus(Duration.ofDays(2)).toString()), WORKSHEET, due), HttpStatus.OK))
                .containsEntry("status", "ASSIGNED");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> WorksheetOverdueRecorder.received(due) == 1);
        assertThat(WorksheetOverdueRecorder.received(handedIn)).isZero();
    }

    private void hourPasses() {
        events.publishEvent(HourHasPassed.of(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }

    @SuppressWarnings("unchecked")
    private List<String> overdueInPanel(Person therapist) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) json(
                api.get(therapist, "/api/v1/patients?hasOverdueWorksheets=true"), HttpStatus.OK).get("items");
        return items.stream().map(item -> (String) item.get("clientId")).toList();
    }
}
