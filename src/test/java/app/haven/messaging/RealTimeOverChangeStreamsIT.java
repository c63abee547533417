package app.haven.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import app.haven.messaging.MessagingApi.Person;
import app.haven.shared.store.EmbeddedOplogTrim;
import app.haven.support.RSocketClients.Transport;

/**
 * Every real-time test again, with live events carried by MongoDB change streams as in production
 * (several instances on one MongoDB) instead of in process: the embedded server keeps an oplog and
 * the instance tails it.
 */
@TestPropertySource(properties = "haven.embedded-mongo.change-streams=true")
class RealTimeOverChangeStreamsIT extends RealTimeIT {

    @Autowired EmbeddedOplogTrim oplog;

    @Test
    void liveDeliveryCarriesOnAfterTheEmbeddedOplogIsTrimmed() {
        Person me = api.therapist();
        Person you = api.therapist();
        String direct = api.newDirectId(me, you);
        api.sentId(me, direct, "before the trim");
        // as if three hours had passed: everything written so far is past the two-hour window
        assertThat(oplog.trim(Instant.now().plus(Duration.ofHours(3))).block(SOON)).isPositive();

        List<Map<String, Object>> inbox = listen(connect(Transport.TCP, you).route("inbox"));
        api.sentId(me, direct, "after the trim");
        await().atMost(SOON).untilAsserted(() -> assertThat(contents(inbox)).containsExactly("after the trim"));
        assertThat(MessagingApi.contents(api.history(you, direct))).containsExactly("after the trim", "before the trim");
    }
}
