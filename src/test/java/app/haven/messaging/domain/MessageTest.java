package app.haven.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.haven.shared.ConflictException;
import app.haven.shared.ForbiddenException;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;

class MessageTest {

    private static final Instant SENT = Instant.parse("2026-11-21T14:30:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String CONVERSATION = "65f1c2a4b3d2e1f0a9b8c7d6";
    private final UUID sender = UUID.randomUUID();

    private Message message(String content) {
        return Message.written(CONVERSATION, 0, sender, MessageType.TEXT, content, null, List.of(), "c-1", SENT)
                .numbered(7);
    }

    @Test
    void contentIsTrimmedAndMustHoldOneToTenThousandCharacters() {
        assertThat(message("  hello  ").content()).isEqualTo("hello");
        assertThatThrownBy(() -> message("   ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> message("x".repeat(10_001))).isInstanceOf(InvalidInputException.class);
        assertThat(message("x".repeat(10_000)).content()).hasSize(10_000);
    }

    @Test
    void nobodyWritesASystemMessage() {
        assertThatThrownBy(() -> Message.written(CONVERSATION, 0, sender, MessageType.SYSTEM, "hi", null, List.of(),
                null, SENT)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void editsKeepEveryEarlierVersionWithinTheWindow() {
        Message once = message("first").edit(sender, "second", WINDOW, SENT.plusSeconds(60));
        Message twice = once.edit(sender, "third", WINDOW, SENT.plusSeconds(120));

        assertThat(twice.content()).isEqualTo("third");
        assertThat(twice.editedAt()).isEqualTo(SENT.plusSeconds(120));
        assertThat(twice.edits()).extracting(Message.Edit::content).containsExactly("first", "second");
        assertThat(twice.edits()).extracting(Message.Edit::editedAt).containsExactly(SENT, SENT.plusSeconds(60));
        assertThatThrownBy(() -> message("first").edit(sender, "late", WINDOW, SENT.plus(WINDOW).plusSeconds(1)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> message("first").edit(UUID.randomUUID(), "not mine", WINDOW, SENT))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aTombstoneKeepsItsPlaceAndNothingOfWhatWasSaid() {
        Message tombstone = message("secret").edit(sender, "more secret", WINDOW, SENT).tombstone();

        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.seq()).isEqualTo(7);
        assertThat(tombstone.content()).isEmpty();
        assertThat(tombstone.edits()).isEmpty();
        assertThat(tombstone.searchTokens()).isEmpty();
        assertThatThrownBy(() -> tombstone.edit(sender, "again", WINDOW, SENT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aMessageKeyRoundTripsAndUnknownIdsAreSimplyNotFound() {
        assertThat(MessageKey.parse(message("hi").id())).isEqualTo(new MessageKey(CONVERSATION, 7));
        assertThatThrownBy(() -> MessageKey.parse("65f1c2a4b3d2e1f0a9b8c7d6-0")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> MessageKey.parse("{\"$gt\":\"\"}")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void searchTokensIgnoreCaseAccentsAndPunctuation() {
        assertThat(SearchTokens.of("Café, CRÈME brûlée! café")).containsExactly("cafe", "creme", "brulee");
        assertThat(SearchTokens.of("  ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "a b", "a.b", "$set", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" })
    void reactionsAreShortSymbolsThatCanBeStoredAsKeys(String emoji) {
        assertThatThrownBy(() -> Reactions.requireEmoji(emoji)).isInstanceOf(InvalidInputException.class);
    }
}
