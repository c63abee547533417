package app.haven.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ParticipantTest {

    private static final Instant NOW = Instant.parse("2026-11-21T14:30:00Z");

    private final Participant readThroughSeven = Participant.joining(UUID.randomUUID(), ParticipantRole.MEMBER, NOW, 7);

    @Test
    void theFirstUnreadMessageStartsAnUnreadStretchAndIsAlerted() {
        assertThat(readThroughSeven.wouldBeAlertedOf(8)).isTrue();
    }

    @Test
    void laterMessagesOfTheSameStretchAreNotAlertedAgain() {
        assertThat(readThroughSeven.wouldBeAlertedOf(9)).isFalse();
        assertThat(readThroughSeven.wouldBeAlertedOf(500)).isFalse();
    }

    /** The alert is decided after the send: by then they may have read on, or replied. */
    @Test
    void aMessageAlreadyReadWhenTheAlertIsDecidedIsNotAlerted() {
        assertThat(readThroughSeven.wouldBeAlertedOf(7)).isFalse();
        assertThat(readThroughSeven.wouldBeAlertedOf(3)).isFalse();
    }

    @Test
    void nobodyIsAlertedInAConversationTheyMutedOrLeft() {
        Participant muted = new Participant(readThroughSeven.userId(), ParticipantRole.MEMBER, NOW, null, 7, NOW,
                true, false);
        Participant left = new Participant(readThroughSeven.userId(), ParticipantRole.MEMBER, NOW, NOW, 7, NOW,
                false, false);
        assertThat(muted.wouldBeAlertedOf(8)).isFalse();
        assertThat(left.wouldBeAlertedOf(8)).isFalse();
    }
}
