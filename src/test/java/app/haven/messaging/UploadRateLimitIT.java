package app.haven.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.messaging.MessagingApi.Person;
import app.haven.support.HavenTest;
import app.haven.support.SampleFiles;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * One person may upload only so many files an hour (here: two at once, then one an hour): the next
 * upload answers 429 with how long to wait, keeps nothing, and does not count against anyone else.
 */
@HavenTest
@TestPropertySource(properties = { "haven.files.upload-burst=2", "haven.files.uploads-per-hour=1" })
class UploadRateLimitIT {

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;

    @Test
    void uploadsPastThePersonsAllowanceAreRefusedWithRetryAfter() {
        MessagingApi api = new MessagingApi(http, tokens, people);
        Person me = api.therapist();
        Person colleague = api.therapist();
        String direct = api.newDirectId(me, colleague);

        api.uploaded(me, direct, "one.txt", SampleFiles.text());
        api.uploaded(me, direct, "two.txt", SampleFiles.text());
        api.upload(me, direct, "three.txt", SampleFiles.text())
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, wait -> assertThat(Long.parseLong(wait))
                        .isBetween(3_000L, 3_600L));

        // the allowance is the person's own
        assertThat(api.uploaded(colleague, direct, "theirs.txt", SampleFiles.text())).containsKey("fileId");
    }
}
