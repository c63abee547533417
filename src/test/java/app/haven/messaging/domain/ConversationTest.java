package app.haven.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T14:30:00Z");

    @Test
    void theDirectConversationOfTwoPeopleHasOneKeyWhoeverStartsIt() {
        UUID therapist = UUID.randomUUID();
        UUID client = UUID.randomUUID();

        Conversation one = Conversation.direct("a", therapist, client, NOW);
        Conversation other = Conversation.direct("b", client, therapist, NOW);

        assertThat(one.uniqueKey()).isEqualTo(other.uniqueKey());
        assertThat(one.presentIds()).containsExactlyInAnyOrder(therapist, client);
        assertThat(one.hasPresent(client)).isTrue();
        assertThat(one.hasPresent(UUID.randomUUID())).isFalse();
    }

    @Test
    void nobodyHasADirectConversationWithThemselves() {
        UUID person = UUID.randomUUID();
        assertThatIllegalArgumentException().isThrownBy(() -> Conversation.direct("a", person, person, NOW));
    }

    @Test
    void newestActivityComesFirstAndTiesAreOrderedById() {
        Conversation older = Conversation.direct("c", UUID.randomUUID(), UUID.randomUUID(), NOW);
        Conversation newer = Conversation.direct("z", UUID.randomUUID(), UUID.randomUUID(), NOW.plusSeconds(1));
        Conversation tiedA = Conversation.direct("a", UUID.randomUUID(), UUID.randomUUID(), NOW);

        List<Conversation> sorted = new ArrayList<>(List.of(older, tiedA, newer));
        sorted.sort(Conversation.NEWEST_ACTIVITY_FIRST);

        assertThat(sorted).extracting(Conversation::id).containsExactly("z", "a", "c");
    }
}
