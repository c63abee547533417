package app.haven.worksheets;

import static app.haven.support.ApiBodies.problem;
import static app.haven.worksheets.WorksheetsApi.WORKSHEET;
import static app.haven.worksheets.WorksheetsApi.WORKSHEETS;
import static app.haven.worksheets.WorksheetsApi.assignment;
import static app.haven.worksheets.WorksheetsApi.inDays;
import static app.haven.worksheets.WorksheetsApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.support.HavenTest;
import app.haven.support.SampleFiles;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import app.haven.worksheets.WorksheetsApi.Person;

/**
 * A worksheet exists for its client and the therapist currently assigned to that client, and for
 * nobody else: another therapist, another client, staff and administrators get 404 on every route,
 * and a therapist who hands the client on loses it the same moment.
 */
@HavenTest
class WorksheetAccessIT {

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;

    private WorksheetsApi api;

    @BeforeEach
    void setUp() {
        api = new WorksheetsApi(http, tokens, people);
    }

    @Test
    void outsidersGetNotFoundOnEveryRouteAndChangeNothing() {
        Person[] pair = api.pair();
        Person client = pair[0];
        Person therapist = pair[1];
        Object id = api.assigned(therapist, client, "Values card sort").get("id");
        Object material = json(api.upload(therapist, id, "materials", "cards.pdf", SampleFiles.pdf()), HttpStatus.CREATED)
                .get("id");
        Object submission = json(api.upload(client, id, "submissions", "sorted.txt", SampleFiles.text()),
                HttpStatus.CREATED).get("id");
        Person[] otherPair = api.pair();

        for (Person outsider : List.of(otherPair[1], otherPair[0], api.staff(), api.admin())) {
            for (Function<Person, WebTestClient.ResponseSpec> route : itemRoutes(id, material, submission)) {
                problem(route.apply(outsider), HttpStatus.NOT_FOUND);
            }
            problem(api.send(HttpMethod.POST, outsider, assignment(client, "Not yours", inDays(3)), WORKSHEETS),
                    HttpStatus.NOT_FOUND);
        }
        // the client's own role does not reach the therapist's routes, nor the therapist the client's
        problem(api.send(HttpMethod.PATCH, client, Map.of("title", "Mine now"), WORKSHEET, id), HttpStatus.NOT_FOUND);
        problem(api.send(HttpMethod.POST, client, Map.of("feedback", "Great job, me"), WORKSHEET + "/feedback", id),
                HttpStatus.NOT_FOUND);
        problem(api.post(therapist, WORKSHEET + "/submit", id), HttpStatus.NOT_FOUND);
        problem(api.upload(therapist, id, "submissions", "forged.txt", SampleFiles.text()), HttpStatus.NOT_FOUND);

        Map<String, Object> untouched = api.worksheet(therapist, id);
        assertThat(untouched).containsEntry("status", "ASSIGNED").containsEntry("title", "Values card sort");
        assertThat((List<?>) untouched.get("materials")).hasSize(1);
        assertThat((List<?>) untouched.get("submissions")).hasSize(1);

        assertThat(api.list(otherPair[1], "")).isEmpty();
        assertThat(api.list(otherPair[1], "?clientId=" + client.id())).isEmpty();
        assertThat(api.list(otherPair[0], "?clientId=" + client.id())).isEmpty();
        problem(api.get(api.staff(), WORKSHEETS), HttpStatus.FORBIDDEN);
        problem(http.get().uri(WORKSHEETS).exchange(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aReassignedClientsWorksheetsGoWithThemToTheNewTherapist() {
        Person[] pair = api.pair();
        Person client = pair[0];
        Person before = pair[1];
        Object id = api.assigned(before, client, "Exposure ladder").get("id");
        json(api.post(client, WORKSHEET + "/submit", id), HttpStatus.OK);

        Person after = api.therapist();
        api.assign(client, after);

        problem(api.get(before, WORKSHEET, id), HttpStatus.NOT_FOUND);
        problem(api.send(HttpMethod.POST, before, Map.of("feedback", "From the past"), WORKSHEET + "/feedback", id),
                HttpStatus.NOT_FOUND);
        assertThat(api.list(before, "")).isEmpty();
        assertThat(json(api.send(HttpMethod.POST, after, Map.of("feedback", "Picking this up"), WORKSHEET + "/feedback",
                id), HttpStatus.OK)).containsEntry("status", "REVIEWED");
        assertThat(api.list(after, "")).extracting(item -> item.get("id")).containsExactly(id);
    }

    private List<Function<Person, WebTestClient.ResponseSpec>> itemRoutes(Object id, Object material, Object submission) {
        return List.of(
                caller -> api.get(caller, WORKSHEET, id),
                caller -> api.send(HttpMethod.PATCH, caller, Map.of("title", "Taken over"), WORKSHEET, id),
                caller -> api.delete(caller, WORKSHEET, id),
                caller -> api.upload(caller, id, "materials", "extra.pdf", SampleFiles.pdf()),
                caller -> api.upload(caller, id, "submissions", "extra.txt", SampleFiles.text()),
                caller -> api.delete(caller, WORKSHEET + "/submissions/{fileId}", id, submission),
                caller -> api.post(caller, WORKSHEET + "/unsubmit", id),
                caller -> api.download(caller, id, material),
                caller -> api.download(caller, id, submission),
                caller -> api.post(caller, WORKSHEET + "/submit", id),
                caller -> api.send(HttpMethod.POST, caller, Map.of("feedback", "Not mine to give"),
                        WORKSHEET + "/feedback", id));
    }
}
