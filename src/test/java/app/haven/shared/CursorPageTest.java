package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CursorPageTest {

    @Test
    void theExtraRowIsDroppedAndNamesTheCursorOfTheLastItemShown() {
        CursorPage<String> page = CursorPage.ofOneExtra(List.of("a", "b", "c"), 2, item -> "after-" + item);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.nextCursor()).isEqualTo("after-b");
    }

    @Test
    void withoutAnExtraRowItIsTheLastPage() {
        assertThat(CursorPage.ofOneExtra(List.of("a", "b"), 2, item -> "after-" + item))
                .isEqualTo(new CursorPage<>(List.of("a", "b"), null));
        assertThat(CursorPage.ofOneExtra(List.<String>of(), 2, item -> "after-" + item).nextCursor()).isNull();
    }
}
