package app.haven.messaging;

import static app.haven.messaging.MessagingApi.EVENTUALLY;
import static app.haven.messaging.MessagingApi.noContent;
import static app.haven.messaging.MessagingApi.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.messaging.MessagingApi.Person;
import app.haven.support.HavenTest;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * What other modules hear from messaging, through an ordinary {@code @ApplicationModuleListener}
 * ({@link MessagingEventsRecorder}): a conversation opened, each message sent (to whom, never what
 * it said), and each read position moved.
 */
@HavenTest
class MessagingEventsIT {

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;

    private MessagingApi api;

    @BeforeEach
    void setUp() {
        api = new MessagingApi(http, tokens, people);
    }

    @Test
    void aSentMessageIsAnnouncedToTheOtherParticipantsWithoutItsContent() {
        Person author = api.therapist();
        Person first = api.therapist();
        Person second = api.therapist();
        Map<String, Object> group = api.newGroup(author, "Peer supervision", first, second);
        String conversation = (String) group.get("id");

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(MessagingEventsRecorder.created(conversation))
                .hasValueSatisfying(created -> {
                    assertThat(created.type()).isEqualTo("GROUP");
                    assertThat(created.participantIds()).containsExactlyInAnyOrder(author.id(), first.id(), second.id());
                    assertThat(created.createdAt()).isNotNull();
                }));

        String secret = "Confidential " + tag();
        Map<String, Object> message = api.sent(author, conversation, secret);
        String messageId = (String) message.get("id");
        Instant sentAt = Instant.parse((String) message.get("createdAt"));

        await().atMost(EVENTUALLY).until(() -> !MessagingEventsRecorder.sent(messageId).isEmpty());
        assertThat(MessagingEventsRecorder.sent(messageId)).allSatisfy(event -> {
            assertThat(event.messageId()).isEqualTo(messageId);
            assertThat(event.conversationId()).isEqualTo(conversation);
            assertThat(event.senderId()).isEqualTo(author.id());
            assertThat(event.recipientIds()).containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(event.type()).isEqualTo("TEXT");
            assertThat(event.sentAt()).isCloseTo(sentAt, within(1, ChronoUnit.SECONDS));
            assertThat(event.toString()).doesNotContain(secret).doesNotContain(secret.substring(13));
        });
        assertThat(Arrays.stream(MessageSent.class.getRecordComponents()).map(component -> component.getName()))
                .as("the event never carries what was said")
                .noneMatch(name -> name.toLowerCase().contains("content") || name.toLowerCase().contains("text"));

        // someone else's reply goes to everyone but them
        String reply = api.sentId(first, conversation, "Noted");
        await().atMost(EVENTUALLY).until(() -> !MessagingEventsRecorder.sent(reply).isEmpty());
        assertThat(MessagingEventsRecorder.sent(reply)).allSatisfy(event -> {
            assertThat(event.senderId()).isEqualTo(first.id());
            assertThat(event.recipientIds()).containsExactlyInAnyOrder(author.id(), second.id());
        });
    }

    @Test
    void readingAMessageOrAWholeConversationIsAnnounced() {
        Person writer = api.therapist();
        Person reader = api.therapist();
        Person other = api.therapist();
        String conversation = api.newGroupId(writer, reader, other);
        String older = api.sentId(writer, conversation, "first");
        String newer = api.sentId(writer, conversation, "second");

        noContent(api.readMessage(reader, older));
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(MessagingEventsRecorder.read(conversation))
                .anySatisfy(read -> {
                    assertThat(read.readerId()).isEqualTo(reader.id());
                    assertThat(read.upToMessageId()).isEqualTo(older);
                    assertThat(read.readAt()).isNotNull();
                }));

        noContent(api.readConversation(other, conversation));
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(MessagingEventsRecorder.read(conversation))
                .anySatisfy(read -> {
                    assertThat(read.conversationId()).isEqualTo(conversation);
                    assertThat(read.readerId()).isEqualTo(other.id());
                    assertThat(read.upToMessageId()).isEqualTo(newer);
                    assertThat(read.readAt()).isNotNull();
                }));

        // nobody read beyond what they read
        Predicate<MessageRead> byReader = read -> read.readerId().equals(reader.id());
        List<MessageRead> readersEvents = MessagingEventsRecorder.read(conversation).stream().filter(byReader).toList();
        assertThat(readersEvents).extracting(MessageRead::upToMessageId).containsOnly(older);
    }
}
