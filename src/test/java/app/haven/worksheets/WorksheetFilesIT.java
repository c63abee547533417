package app.haven.worksheets;

import static app.haven.support.ApiBodies.problem;
import static app.haven.worksheets.WorksheetsApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import app.haven.support.HavenTest;
import app.haven.support.SampleFiles;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;
import app.haven.worksheets.WorksheetsApi.Person;

/**
 * Worksheet files are what their bytes say they are, within the size limit, and not empty:
 * anything else is refused with its status and leaves nothing behind.
 */
@HavenTest
class WorksheetFilesIT {

    private static final int LIMIT = 5 * 1024 * 1024;

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;

    private WorksheetsApi api;

    @BeforeEach
    void setUp() {
        api = new WorksheetsApi(http, tokens, people);
    }

    @Test
    void aRenamedExecutableAFileOneByteOverTheLimitAndAnEmptyFileAreRefusedAndNothingIsKept() {
        Person[] pair = api.pair();
        Person client = pair[0];
        Person therapist = pair[1];
        Object id = api.assigned(therapist, client, "Reading").get("id");

        problem(api.upload(therapist, id, "materials", "worksheet.pdf", SampleFiles.executable()),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        problem(api.upload(client, id, "submissions", "evil.pdf", SampleFiles.executable()),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        refusedAsTooLarge(() -> api.upload(therapist, id, "materials", "big.txt", SampleFiles.textOfSize(LIMIT + 1)));
        problem(api.upload(client, id, "submissions", "empty.txt", new byte[0]), HttpStatus.BAD_REQUEST);

        var worksheet = api.worksheet(therapist, id);
        assertThat((List<?>) worksheet.get("materials")).isEmpty();
        assertThat((List<?>) worksheet.get("submissions")).isEmpty();

        // exactly at the limit is fine, and each accepted kind keeps the type its bytes have
        assertThat(json(api.upload(therapist, id, "materials", "exactly.txt", SampleFiles.textOfSize(LIMIT)),
                HttpStatus.CREATED)).containsEntry("size", LIMIT).containsEntry("contentType", "text/plain");
        assertThat(json(api.upload(client, id, "submissions", "photo.jpg", SampleFiles.jpeg()), HttpStatus.CREATED))
                .containsEntry("contentType", "image/jpeg");
        assertThat(json(api.upload(client, id, "submissions", "drawing.png", SampleFiles.png()), HttpStatus.CREATED))
                .containsEntry("contentType", "image/png");
    }

    /**
     * Haven stops reading an upload one byte past the limit and answers 413; a client still
     * writing the rest of the body may instead see the connection close under it. Either way the
     * file was refused.
     */
    private static void refusedAsTooLarge(Supplier<WebTestClient.ResponseSpec> upload) {
        try {
            problem(upload.get(), HttpStatus.CONTENT_TOO_LARGE);
        } catch (WebClientRequestException closed) {
            assertThat(closed.getMessage()).contains("Connection has been closed");
        }
    }
}
