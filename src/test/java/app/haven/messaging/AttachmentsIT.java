package app.haven.messaging;

import static app.haven.messaging.MessagingApi.errorFields;
import static app.haven.messaging.MessagingApi.json;
import static app.haven.messaging.MessagingApi.noContent;
import static app.haven.messaging.MessagingApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.files.StoredFiles;
import app.haven.messaging.MessagingApi.Person;
import app.haven.support.HavenTest;
import app.haven.support.SampleFiles;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * Files in conversations over real HTTP: a participant uploads, attaches the upload to a message,
 * and the others download exactly those bytes, as an attachment that no browser sniffs. Outsiders
 * find nothing; the wrong kind, an empty file or one byte over the limit is refused and nothing
 * is kept; a deleted message takes its file with it.
 */
@HavenTest
class AttachmentsIT {

    private static final int LIMIT = 5 * 1024 * 1024;

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @Autowired StoredFiles files;

    private MessagingApi api;

    @BeforeEach
    void setUp() {
        api = new MessagingApi(http, tokens, people);
    }

    @Test
    void anAttachmentIsUploadedSentAndDownloadedByTheOtherParticipantAsItWas() {
        Person client = api.client();
        Person therapist = api.therapist();
        api.assign(client, therapist);
        String conversation = api.awaitTherapyConversation(client, therapist);
        byte[] drawing = SampleFiles.png();

        Map<String, Object> upload = api.uploaded(client, conversation, "my drawing.png", drawing);
        assertThat(upload).containsEntry("name", "my drawing.png").containsEntry("contentType", "image/png")
                .containsEntry("size", drawing.length).containsKey("fileId");

        Map<String, Object> message = json(api.sendMessage(client, conversation, Map.of("content", "what I drew",
                "type", "IMAGE", "attachments", List.of(Map.of("fileId", upload.get("fileId"))))), HttpStatus.CREATED);
        assertThat(message.get("attachments")).asList().singleElement()
                .isEqualTo(Map.of("fileId", upload.get("fileId"), "name", "my drawing.png", "size", drawing.length,
                        "contentType", "image/png"));

        byte[] downloaded = api.download(therapist, conversation, upload.get("fileId"))
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION,
                        disposition -> assertThat(disposition).startsWith("attachment;").contains("my drawing.png"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(drawing);
        assertThat(api.history(therapist, conversation).get(0).get("attachments")).asList().hasSize(1);
    }

    @Test
    void peopleOutsideTheConversationCanNeitherUploadNorDownload() {
        Person me = api.therapist();
        Person you = api.therapist();
        Person outsider = api.therapist();
        String direct = api.newDirectId(me, you);
        Object fileId = api.uploaded(me, direct, "notes.txt", SampleFiles.text()).get("fileId");

        problem(api.download(outsider, direct, fileId), HttpStatus.NOT_FOUND);
        problem(api.upload(outsider, direct, "notes.txt", SampleFiles.text()), HttpStatus.NOT_FOUND);
        // a file of another conversation is not in this one, even for a participant of both
        String other = api.newDirectId(me, outsider);
        problem(api.download(me, other, fileId), HttpStatus.NOT_FOUND);
        problem(api.download(outsider, other, fileId), HttpStatus.NOT_FOUND);
        problem(api.download(me, direct, UUID.randomUUID()), HttpStatus.NOT_FOUND);
    }

    @Test
    void theWrongKindAnEmptyFileAndOneByteOverTheLimitAreRefused() {
        Person me = api.therapist();
        String direct = api.newDirectId(me, api.therapist());

        Map<String, Object> renamed = problem(api.upload(me, direct, "worksheet.pdf", SampleFiles.executable()),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(renamed.get("accepted")).asList().contains("application/pdf", "image/png");
        assertThat(errorFields(problem(api.upload(me, direct, "empty.txt", new byte[0]), HttpStatus.BAD_REQUEST)))
                .containsExactly("file");
        problem(api.upload(me, direct, "big.txt", SampleFiles.textOfSize(LIMIT + 1)), HttpStatus.CONTENT_TOO_LARGE);
        assertThat(api.uploaded(me, direct, "exactly.txt", SampleFiles.textOfSize(LIMIT))).containsEntry("size", LIMIT);
    }

    @Test
    void aMultipartBodyWithoutAFilePartIsRefused() {
        Person me = api.therapist();
        String direct = api.newDirectId(me, api.therapist());
        org.springframework.http.client.MultipartBodyBuilder body = new org.springframework.http.client.MultipartBodyBuilder();
        body.part("note", "no file here");

        Map<String, Object> refused = problem(http.post().uri(MessagingApi.CONVERSATIONS + "/{id}/attachments", direct)
                .headers(h -> h.setBearerAuth(me.token()))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(body.build())
                .exchange(), HttpStatus.BAD_REQUEST);
        assertThat(errorFields(refused)).containsExactly("file");
    }

    @Test
    void onlyTheUploaderAttachesAnUploadAndOnlyToOneMessage() {
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);
        Object fileId = api.uploaded(me, direct, "plan.pdf", SampleFiles.pdf()).get("fileId");
        Map<String, Object> attaching = Map.of("content", "the plan", "type", "FILE",
                "attachments", List.of(Map.of("fileId", fileId)));

        assertThat(errorFields(problem(api.sendMessage(you, direct, attaching), HttpStatus.BAD_REQUEST)))
                .containsExactly("attachments");
        json(api.sendMessage(me, direct, attaching), HttpStatus.CREATED);
        assertThat(errorFields(problem(api.sendMessage(me, direct, attaching), HttpStatus.BAD_REQUEST)))
                .containsExactly("attachments");
    }

    @Test
    void deletingAMessageDeletesItsFile() {
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);
        String fileId = (String) api.uploaded(me, direct, "draft.txt", SampleFiles.text()).get("fileId");
        String messageId = (String) json(api.sendMessage(me, direct, Map.of("content", "draft attached",
                "type", "FILE", "attachments", List.of(Map.of("fileId", fileId)))), HttpStatus.CREATED).get("id");

        noContent(api.delete(me, MessagingApi.MESSAGES + "/{id}", messageId));

        problem(api.download(you, direct, fileId), HttpStatus.NOT_FOUND);
        assertThat(files.find(UUID.fromString(fileId)).blockOptional()).isEmpty();
    }

    @Test
    void aClosedConversationTakesNoNewFiles() {
        Person client = api.client();
        Person therapist = api.therapist();
        api.assign(client, therapist);
        String conversation = api.awaitTherapyConversation(client, therapist);
        api.assign(client, api.therapist());
        org.awaitility.Awaitility.await().atMost(MessagingApi.EVENTUALLY).untilAsserted(() ->
                problem(api.upload(client, conversation, "late.txt", SampleFiles.text()), HttpStatus.CONFLICT));
    }
}
