package app.haven.worksheets;

import static app.haven.support.ApiBodies.problem;
import static app.haven.worksheets.WorksheetsApi.WORKSHEET;
import static app.haven.worksheets.WorksheetsApi.WORKSHEETS;
import static app.haven.worksheets.WorksheetsApi.assignment;
import static app.haven.worksheets.WorksheetsApi.inDays;
import static app.haven.worksheets.WorksheetsApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.support.HavenTest;
import app.haven.support.SampleFiles;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import app.haven.worksheets.WorksheetsApi.Person;

/**
 * A worksheet's whole life over real HTTP with real tokens: the therapist assigns it with a
 * material, the client reads the material, uploads and submits their work, the therapist reads
 * it and answers with feedback; and the rules that keep each step to its owner and its moment.
 */
@HavenTest
class WorksheetsFlowIT {

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;

    private WorksheetsApi api;

    @BeforeEach
    void setUp() {
        api = new WorksheetsApi(http, tokens, people);
    }

    @Test
    void assignedWithAMaterialSubmittedWithAFileAndReviewed() {
        Person[] pair = api.pair();
        Person client = pair[0];
        Person therapist = pair[1];
        Instant due = inDays(7);
        Map<String, Object> body = assignment(client, "Thought record", due);
        body.put("description", "For the week before our next session");
        Map<String, Object> created = json(api.send(HttpMethod.POST, therapist, body, WORKSHEETS), HttpStatus.CREATED);
        Object id = created.get("id");
        assertThat(created).containsEntry("status", "ASSIGNED").containsEntry("clientId", client.id().toString())
                .containsEntry("therapistId", therapist.id().toString()).containsEntry("dueDate", due.toString())
                .containsEntry("seriesId", null);

        byte[] material = SampleFiles.pdf();
        Map<String, Object> added = json(api.upload(therapist, id, "materials", "thought-record.pdf", material),
                HttpStatus.CREATED);
        assertThat(added).containsEntry("fileName", "thought-record.pdf").containsEntry("contentType", "application/pdf")
                .containsEntry("size", material.length).containsKeys("id", "uploadedAt");
        assertThat(api.list(client, "")).extracting(item -> item.get("id")).containsExactly(id);
        byte[] downloaded = api.download(client, id, added.get("id")).expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, disposition -> assertThat(disposition)
                        .startsWith("attachment").contains("thought-record.pdf"))
                .expectBody().returnResult().getResponseBodyContent();
        assertThat(downloaded).isEqualTo(material);

        byte[] work = SampleFiles.docx();
        Map<String, Object> submission = json(api.upload(client, id, "submissions", "my week.docx", work),
                HttpStatus.CREATED);
        Map<String, Object> submitted = json(api.send(HttpMethod.POST, client, Map.of("response", "It helped on Tuesday."),
                WORKSHEET + "/submit", id), HttpStatus.OK);
        assertThat(submitted).containsEntry("status", "SUBMITTED").containsEntry("response", "It helped on Tuesday.");
        assertThat(submitted.get("submittedAt")).isNotNull();

        Map<String, Object> seenByTherapist = api.worksheet(therapist, id);
        assertThat((List<?>) seenByTherapist.get("materials")).hasSize(1);
        assertThat((List<?>) seenByTherapist.get("submissions")).singleElement()
                .satisfies(file -> assertThat(file).asString().contains("fileName=my week.docx"));
        assertThat(api.download(therapist, id, submission.get("id")).expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent()).isEqualTo(work);

        Map<String, Object> reviewed = json(api.send(HttpMethod.POST, therapist,
                Map.of("feedback", "Good noticing. Let's talk about Tuesday."), WORKSHEET + "/feedback", id),
                HttpStatus.OK);
        assertThat(reviewed).containsEntry("status", "REVIEWED")
                .containsEntry("feedback", "Good noticing. Let's talk about Tuesday.");
        assertThat(reviewed.get("reviewedAt")).isNotNull();
        assertThat(api.worksheet(client, id)).containsEntry("status", "REVIEWED")
                .containsEntry("feedback", "Good noticing. Let's talk about Tuesday.");

        // every opening of the work and every file read is in the access audit
        List<Map<String, Object>> audit = auditOf(client);
        assertThat(audit).extracting(entry -> entry.get("resource")).contains("WORKSHEET", "WORKSHEET_FILE");
        assertThat(audit).filteredOn(entry -> "WORKSHEET_FILE".equals(entry.get("resource")))
                .extracting(entry -> entry.get("actorId"))
                .contains(client.id().toString(), therapist.id().toString());
    }

    @Test
    void eachStepHasItsMomentAndAReviewedWorksheetIsFinal() {
        Person[] pair = api.pair();
        Person client = pair[0];
        Person therapist = pair[1];
        Object id = api.assigned(therapist, client, "Breathing practice").get("id");

        problem(api.send(HttpMethod.POST, therapist, Map.of("feedback", "Too early"), WORKSHEET + "/feedback", id),
                HttpStatus.CONFLICT);
        problem(api.post(client, WORKSHEET + "/unsubmit", id), HttpStatus.CONFLICT);
        json(api.post(client, WORKSHEET + "/submit", id), HttpStatus.OK);
        problem(api.post(client, WORKSHEET + "/submit", id), HttpStatus.CONFLICT);
        assertThat(json(api.post(client, WORKSHEET + "/unsubmit", id), HttpStatus.OK))
                .containsEntry("status", "ASSIGNED").containsEntry("submittedAt", null);

        Object file = json(api.upload(client, id, "submissions", "notes.txt", SampleFiles.text()), HttpStatus.CREATED)
                .get("id");
        api.delete(client, WORKSHEET + "/submissions/{fileId}", id, file).expectStatus().isNoContent();
        api.download(client, id, file).expectStatus().isNotFound();
        Object kept = json(api.upload(client, id, "submissions", "notes.txt", SampleFiles.text()), HttpStatus.CREATED)
                .get("id");
        json(api.post(client, WORKSHEET + "/submit", id), HttpStatus.OK);
        json(api.send(HttpMethod.POST, therapist, Map.of("feedback", "Thank you"), WORKSHEET + "/feedback", id),
                HttpStatus.OK);

        problem(api.post(client, WORKSHEET + "/unsubmit", id), HttpStatus.CONFLICT);
        problem(api.upload(client, id, "submissions", "late.txt", SampleFiles.text()), HttpStatus.CONFLICT);
        problem(api.delete(client, WORKSHEET + "/submissions/{fileId}", id, kept), HttpStatus.CONFLICT);
        problem(api.send(HttpMethod.PATCH, therapist, Map.of("title", "Renamed"), WORKSHEET, id), HttpStatus.CONFLICT);
        assertThat(api.worksheet(client, id)).containsEntry("status", "REVIEWED").containsEntry("title", "Breathing practice");

        // taking it back removes its files with it
        api.delete(therapist, WORKSHEET, id).expectStatus().isNoContent();
        problem(api.get(client, WORKSHEET, id), HttpStatus.NOT_FOUND);
        problem(api.download(therapist, id, kept), HttpStatus.NOT_FOUND);
    }

    @Test
    void theTherapistChangesWhatTheRouteNamesAndNothingElse() {
        Person[] pair = api.pair();
        Person client = pair[0];
        Person therapist = pair[1];
        Object id = api.assigned(therapist, client, "Sleep diary").get("id");
        Instant later = inDays(10);

        Map<String, Object> changed = json(api.send(HttpMethod.PATCH, therapist,
                Map.of("title", "Sleep diary, two weeks", "dueDate", later.toString()), WORKSHEET, id), HttpStatus.OK);
        assertThat(changed).containsEntry("title", "Sleep diary, two weeks").containsEntry("dueDate", later.toString());

        Person someoneElse = api.therapist();
        problem(api.send(HttpMethod.PATCH, therapist, Map.of("status", "REVIEWED"), WORKSHEET, id), HttpStatus.BAD_REQUEST);
        problem(api.send(HttpMethod.PATCH, therapist, Map.of("therapistId", someoneElse.id()), WORKSHEET, id),
                HttpStatus.BAD_REQUEST);
        Map<String, Object> smuggled = assignment(client, "Smuggled", inDays(3));
        smuggled.put("therapistId", someoneElse.id());
        problem(api.send(HttpMethod.POST, therapist, smuggled, WORKSHEETS), HttpStatus.BAD_REQUEST);
        problem(api.send(HttpMethod.POST, client, Map.of("response", "x", "status", "REVIEWED"), WORKSHEET + "/submit", id),
                HttpStatus.BAD_REQUEST);
        problem(api.send(HttpMethod.PATCH, therapist, Map.of(), WORKSHEET, id), HttpStatus.BAD_REQUEST);
        problem(api.send(HttpMethod.PATCH, therapist, Map.of("title", "   "), WORKSHEET, id), HttpStatus.BAD_REQUEST);
        problem(api.send(HttpMethod.POST, therapist, assignment(client, "In the past", inDays(-1)), WORKSHEETS),
                HttpStatus.BAD_REQUEST);

        assertThat(api.worksheet(therapist, id)).containsEntry("status", "ASSIGNED")
                .containsEntry("therapistId", therapist.id().toString()).containsEntry("title", "Sleep diary, two weeks");
        assertThat(api.list(therapist, "?clientId=" + client.id())).extracting(item -> item.get("title"))
                .containsExactly("Sleep diary, two weeks");
    }

    @Test
    void aWeeklySeriesIsOneWorksheetAWeekChangedAndCancelledTogether() {
        Person[] pair = api.pair();
        Person client = pair[0];
        Person therapist = pair[1];
        Instant first = inDays(2);
        Map<String, Object> body = assignment(client, "Weekly check-in", first);
        body.put("recurrence", Map.of("weeks", 4));
        Map<String, Object> created = json(api.send(HttpMethod.POST, therapist, body, WORKSHEETS), HttpStatus.CREATED);
        Object seriesId = created.get("seriesId");
        assertThat(seriesId).isNotNull();

        List<Map<String, Object>> series = api.list(therapist, "?clientId=" + client.id());
        assertThat(series).extracting(item -> item.get("dueDate")).containsExactly(first.toString(),
                first.plus(Duration.ofDays(7)).toString(), first.plus(Duration.ofDays(14)).toString(),
                first.plus(Duration.ofDays(21)).toString());
        assertThat(series).allSatisfy(item -> assertThat(item).containsEntry("seriesId", seriesId)
                .containsEntry("status", "ASSIGNED"));

        // the client hands in the first week's; changing and cancelling the series leaves their work alone
        json(api.post(client, WORKSHEET + "/submit", series.get(0).get("id")), HttpStatus.OK);
        json(api.send(HttpMethod.PATCH, therapist, Map.of("title", "Weekly check-in (short)"),
                WORKSHEET + "?scope=SERIES", series.get(1).get("id")), HttpStatus.OK);
        assertThat(api.list(therapist, "?clientId=" + client.id())).extracting(item -> item.get("title"))
                .containsExactly("Weekly check-in", "Weekly check-in (short)", "Weekly check-in (short)",
                        "Weekly check-in (short)");

        api.delete(therapist, WORKSHEET + "?scope=SERIES", series.get(2).get("id")).expectStatus().isNoContent();
        assertThat(api.list(client, "")).extracting(item -> item.get("id")).containsExactly(series.get(0).get("id"));
        problem(api.send(HttpMethod.POST, therapist, recurring(client, 53), WORKSHEETS), HttpStatus.BAD_REQUEST);
        problem(api.send(HttpMethod.POST, therapist, recurring(client, 1), WORKSHEETS), HttpStatus.BAD_REQUEST);
    }

    @Test
    void listsFilterByStatusAndDueDateAndPageWithACursor() {
        Person[] pair = api.pair();
        Person client = pair[0];
        Person therapist = pair[1];
        Instant today = inDays(0);
        for (int day = 1; day <= 5; day++) {
            json(api.send(HttpMethod.POST, therapist, assignment(client, "Day " + day, today.plus(Duration.ofDays(day))),
                    WORKSHEETS), HttpStatus.CREATED);
        }
        Object submitted = api.list(client, "").get(0).get("id");
        json(api.post(client, WORKSHEET + "/submit", submitted), HttpStatus.OK);

        assertThat(api.list(therapist, "?status=SUBMITTED&clientId=" + client.id())).extracting(item -> item.get("title"))
                .containsExactly("Day 1");
        assertThat(api.list(client, "?status=ASSIGNED&dueBefore=" + today.plus(Duration.ofDays(4)))).extracting(item -> item.get("title"))
                .containsExactly("Day 2", "Day 3");
        assertThat(api.list(client, "?dueAfter=" + today.plus(Duration.ofDays(4)))).extracting(item -> item.get("title"))
                .containsExactly("Day 5");

        Map<String, Object> first = json(api.get(client, WORKSHEETS + "?limit=2"), HttpStatus.OK);
        assertThat((List<?>) first.get("items")).hasSize(2);
        Map<String, Object> second = json(api.get(client, WORKSHEETS + "?limit=2&cursor=" + first.get("nextCursor")),
                HttpStatus.OK);
        assertThat(((List<Map<String, Object>>) second.get("items"))).extracting(item -> item.get("title"))
                .containsExactly("Day 3", "Day 4");
        problem(api.get(client, WORKSHEETS + "?cursor=not-ours"), HttpStatus.BAD_REQUEST);
        problem(api.get(client, WORKSHEETS + "?status=DONE"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aNewWorksheetIsAnnouncedOnceInTheTherapyConversationAndASeriesOnceForAllItsWeeks() throws InterruptedException {
        Person[] pair = api.pair();
        Person client = pair[0];
        Person therapist = pair[1];
        Instant due = Instant.parse("2031-03-14T17:00:00Z");
        json(api.send(HttpMethod.POST, therapist, assignment(client, "Journal", due), WORKSHEETS), HttpStatus.CREATED);
        Map<String, Object> weekly = assignment(client, "Check-in", due.plus(Duration.ofDays(1)));
        weekly.put("recurrence", Map.of("weeks", 3));
        json(api.send(HttpMethod.POST, therapist, weekly, WORKSHEETS), HttpStatus.CREATED);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(systemMessages(client))
                .containsExactlyInAnyOrder("New worksheet: Journal, due Fri 14 Mar 2031",
                        "New weekly worksheet: Check-in, 3 weeks, the first due Sat 15 Mar 2031"));
        Thread.sleep(1000);
        assertThat(systemMessages(client)).hasSize(2);
    }

    @SuppressWarnings("unchecked")
    private List<String> systemMessages(Person client) {
        List<Map<String, Object>> conversations = (List<Map<String, Object>>) json(
                api.get(client, "/api/v1/conversations"), HttpStatus.OK).get("items");
        return conversations.stream().filter(conversation -> "DIRECT".equals(conversation.get("type")))
                .flatMap(conversation -> ((List<Map<String, Object>>) json(api.get(client,
                        "/api/v1/conversations/{id}/messages", conversation.get("id")), HttpStatus.OK).get("items"))
                        .stream())
                .filter(message -> "SYSTEM".equals(message.get("type")))
                .map(message -> (String) message.get("content"))
                .toList();
    }

    private static Map<String, Object> recurring(Person client, int weeks) {
        Map<String, Object> body = new LinkedHashMap<>(assignment(client, "Too many", inDays(1)));
        body.put("recurrence", Map.of("weeks", weeks));
        return body;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> auditOf(Person client) {
        return (List<Map<String, Object>>) json(api.get(api.admin(), "/api/v1/admin/audit?subjectId="
                + client.id()), HttpStatus.OK).get("items");
    }
}
