package app.haven.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import app.haven.messaging.application.ConversationView;
import app.haven.messaging.application.ListConversations;
import app.haven.messaging.application.ManageConversation;
import app.haven.messaging.application.MessageView;
import app.haven.messaging.application.PurgeExpiredMessages;
import app.haven.messaging.application.ReadHistory;
import app.haven.messaging.application.SendMessage;
import app.haven.messaging.application.StreamInbox;
import app.haven.messaging.domain.ConversationEvent;
import app.haven.messaging.domain.CursorExpiredException;
import app.haven.messaging.domain.DeliveredEvent;
import app.haven.messaging.domain.MessageType;
import app.haven.patients.TherapistAssigned;
import app.haven.patients.TherapistUnassigned;
import app.haven.shared.Caller;
import app.haven.shared.ConflictException;
import app.haven.shared.CursorPage;
import app.haven.shared.Role;
import app.haven.shared.TooManyRequestsException;
import app.haven.support.MovableClock;
import app.haven.support.TestProfiles;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The messaging module with the modules it uses: it reacts to the patients module's assignment
 * events by opening the pair's DIRECT conversation once however often an event arrives, and by
 * closing it for writing when the assignment ends; and retention purges exactly the expired
 * messages of conversations without a legal hold, and a person sending too fast is held back, on a
 * clock the test moves.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = { "haven.messaging.send-burst=5", "haven.messaging.sends-per-minute=6" })
@ActiveProfiles(resolver = TestProfiles.class)
@Import(MovableClock.Configuration.class)
class MessagingModuleIT {

    @Autowired ListConversations listConversations;
    @Autowired SendMessage sendMessage;
    @Autowired ReadHistory readHistory;
    @Autowired ManageConversation manage;
    @Autowired PurgeExpiredMessages retention;
    @Autowired MovableClock clock;
    @Autowired StreamInbox streams;

    @Test
    void aTherapistAssignmentOpensTheirDirectConversation(Scenario scenario) {
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();

        scenario.publish(new TherapistAssigned(UUID.randomUUID(), client, therapist, Instant.now()))
                .andWaitForStateChange(() -> conversationsOf(client).items(), items -> !items.isEmpty())
                .andVerify(items -> assertThat(items).singleElement().satisfies(conversation -> {
                    assertThat(conversation.type()).isEqualTo("DIRECT");
                    assertThat(conversation.readOnly()).isFalse();
                    assertThat(conversation.participants()).extracting(ConversationView.ParticipantView::userId)
                            .containsExactlyInAnyOrder(client, therapist);
                }));
    }

    @Test
    void theSameAssignmentDeliveredTwiceOpensOneConversation(Scenario scenario) {
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        TherapistAssigned assigned = new TherapistAssigned(UUID.randomUUID(), client, therapist, Instant.now());

        scenario.publish(assigned).andWaitForStateChange(() -> conversationsOf(client).items(), items -> !items.isEmpty());
        scenario.publish(assigned).andWaitForStateChange(() -> conversationsOf(therapist).items(), items -> !items.isEmpty())
                .andVerify(items -> assertThat(items).hasSize(1));
        assertThat(conversationsOf(client).items()).hasSize(1);
    }

    @Test
    void anEndedAssignmentClosesTheConversationForWritingAndKeepsItsHistory(Scenario scenario) {
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        String conversation = openedBetween(scenario, client, therapist);
        send(therapist, conversation, "See you on Tuesday");

        scenario.publish(new TherapistUnassigned(UUID.randomUUID(), client, therapist, Instant.now(), "REASSIGNED"))
                .andWaitForStateChange(() -> listConversations.get(caller(client), conversation).block().readOnly(),
                        Boolean::booleanValue)
                .andVerify(closed -> assertThatThrownBy(() -> send(client, conversation, "Hello?"))
                        .isInstanceOf(ConflictException.class));
        assertThat(history(client, conversation)).extracting(MessageView::content).containsExactly("See you on Tuesday");

        scenario.publish(new TherapistAssigned(UUID.randomUUID(), client, therapist, Instant.now()))
                .andWaitForStateChange(() -> listConversations.get(caller(client), conversation).block().readOnly(),
                        readOnly -> !readOnly)
                .andVerify(reopened -> assertThat(send(client, conversation, "Back again").content())
                        .isEqualTo("Back again"));
    }

    @Test
    void retentionPurgesExactlyTheExpiredMessagesOfConversationsWithoutALegalHold(Scenario scenario) {
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        String free = openedBetween(scenario, client, therapist);
        String held = openedBetween(scenario, UUID.randomUUID(), therapist);
        Instant start = Instant.parse("2027-01-01T09:00:00Z");

        clock.set(start);
        send(therapist, free, "oldest");
        send(therapist, held, "held, old");
        clock.set(start.plus(Duration.ofDays(10)));
        send(therapist, free, "ten days later");
        clock.set(start.plus(Duration.ofDays(95)));
        send(therapist, free, "recent");
        manage.placeLegalHold(new Caller(UUID.randomUUID(), Role.ADMIN), held, "court order 17").block();

        // 90 days of retention: at day 99 the first message (day 0) has expired, day 10 and day 95 have not
        // (other tests' conversations share the store, so the counts purged are at least these)
        assertThat(retention.purge(start.plus(Duration.ofDays(99))).block()).isPositive();
        assertThat(history(therapist, free)).extracting(MessageView::content)
                .containsExactly("recent", "ten days later");
        assertThat(history(therapist, held)).extracting(MessageView::content).containsExactly("held, old");

        retention.purge(start.plus(Duration.ofDays(101))).block();
        assertThat(history(therapist, free)).extracting(MessageView::content).containsExactly("recent");
        assertThat(history(therapist, held)).extracting(MessageView::content).containsExactly("held, old");

        manage.liftLegalHold(new Caller(UUID.randomUUID(), Role.ADMIN), held).block();
        retention.purge(start.plus(Duration.ofDays(101))).block();
        assertThat(history(therapist, held)).isEmpty();
        assertThat(history(therapist, free)).extracting(MessageView::content).containsExactly("recent");
        clock.set(null);
    }

    @Test
    void aPersonSendingFasterThanTheRateIsToldWhenToTryAgain(Scenario scenario) {
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        String conversation = openedBetween(scenario, client, therapist);
        Instant start = Instant.parse("2027-03-01T09:00:00Z");
        clock.set(start);

        for (int i = 1; i <= 5; i++) {
            send(client, conversation, "message " + i);
        }
        assertThatThrownBy(() -> send(client, conversation, "one too many"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, refused ->
                        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10)));
        // the other person's allowance is their own
        assertThat(send(therapist, conversation, "still fine").content()).isEqualTo("still fine");

        clock.set(start.plus(Duration.ofSeconds(10)));
        assertThat(send(client, conversation, "after a pause").content()).isEqualTo("after a pause");
        assertThat(history(client, conversation)).extracting(MessageView::content)
                .doesNotContain("one too many").contains("after a pause");
        clock.set(null);
    }

    @Test
    void aCursorOlderThanTheReplayWindowIsRefusedAndRecordedEventsAreForgottenAfterTheirRetention(Scenario scenario) {
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        String conversation = openedBetween(scenario, client, therapist);
        Instant start = Instant.parse("2027-05-01T09:00:00Z");
        clock.set(start);
        List<DeliveredEvent> seen = new CopyOnWriteArrayList<>();
        Disposable stream = streams.inbox(caller(client), null).subscribe(seen::add);
        Mono.delay(Duration.ofMillis(300)).block();
        send(therapist, conversation, "noted at nine");
        // the message, then the client's unread count; resuming after the count replays what follows it
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream()
                .anyMatch(delivered -> delivered.event().type() == ConversationEvent.Type.UNREAD_COUNT));
        stream.dispose();
        String cursor = seen.stream().filter(delivered -> delivered.event().type() == ConversationEvent.Type.UNREAD_COUNT)
                .findFirst().orElseThrow().cursor();

        // within the window (an hour), the cursor resumes; the next message comes through
        clock.set(start.plus(Duration.ofMinutes(59)));
        List<DeliveredEvent> resumed = new CopyOnWriteArrayList<>();
        Disposable again = streams.inbox(caller(client), cursor).subscribe(resumed::add);
        send(therapist, conversation, "noted at ten to ten");
        await().atMost(Duration.ofSeconds(10)).until(() -> resumed.size() == 2);
        again.dispose();
        assertThat(resumed.get(0).event().payload().toString()).contains("noted at ten to ten");

        clock.set(start.plus(Duration.ofMinutes(61)));
        StepVerifier.create(streams.inbox(caller(client), cursor))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CursorExpiredException.class)
                        .hasMessageContaining("reload"))
                .verify(Duration.ofSeconds(10));

        // kept events past their retention are forgotten: the ones before 9:59 (in process, or live_events on MongoDB)
        assertThat(streams.forgetOldEvents(start.plus(Duration.ofMinutes(61))).block()).isGreaterThanOrEqualTo(3);
        clock.set(null);
    }

    private String openedBetween(Scenario scenario, UUID client, UUID therapist) {
        AtomicReference<String> id = new AtomicReference<>();
        scenario.publish(new TherapistAssigned(UUID.randomUUID(), client, therapist, Instant.now()))
                .andWaitForStateChange(() -> conversationsOf(client).items(), items -> !items.isEmpty())
                .andVerify(items -> id.set(items.get(0).id()));
        return id.get();
    }

    private MessageView send(UUID sender, String conversation, String content) {
        return sendMessage.send(caller(sender), conversation,
                new SendMessage.Command(content, MessageType.TEXT, null, List.of(), null)).block();
    }

    private List<MessageView> history(UUID reader, String conversation) {
        return readHistory.page(caller(reader), conversation, null, 100).block().items();
    }

    private CursorPage<ConversationView> conversationsOf(UUID person) {
        return listConversations.list(caller(person), false, null, 100).block();
    }

    private static Caller caller(UUID person) {
        return new Caller(person, Role.CLIENT);
    }
}
