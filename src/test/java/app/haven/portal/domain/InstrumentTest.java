package app.haven.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import app.haven.portal.domain.Instrument.Severity;
import app.haven.shared.InvalidInputException;

class InstrumentTest {

    @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
    @CsvSource({ "0, MINIMAL", "4, MINIMAL", "5, MILD", "9, MILD", "10, MODERATE", "14, MODERATE",
            "15, MODERATELY_SEVERE", "19, MODERATELY_SEVERE", "20, SEVERE", "27, SEVERE" })
    void phq9BandsAtEveryEdge(int total, Severity severity) {
        Instrument.Result result = Instrument.PHQ9.score(answersTotalling(total, 9, false));

        assertThat(result.score()).isEqualTo(total);
        assertThat(result.severity()).isEqualTo(severity);
    }

    @ParameterizedTest(name = "GAD-7 total {0} is {1}")
    @CsvSource({ "0, MINIMAL", "4, MINIMAL", "5, MILD", "9, MILD", "10, MODERATE", "14, MODERATE", "15, SEVERE",
            "21, SEVERE" })
    void gad7BandsAtEveryEdge(int total, Severity severity) {
        Instrument.Result result = Instrument.GAD7.score(answersTotalling(total, 7, false));

        assertThat(result.score()).isEqualTo(total);
        assertThat(result.severity()).isEqualTo(severity);
        assertThat(result.safetyFlag()).isFalse();
    }

    @Test
    void anyAnswerAboveZeroOnPhq9ItemNineRaisesTheSafetyFlagAndNoOtherItemDoes() {
        for (int answer = 1; answer <= 3; answer++) {
            List<Integer> answers = new ArrayList<>(Collections.nCopies(9, 0));
            answers.set(8, answer);
            assertThat(Instrument.PHQ9.score(answers).safetyFlag()).isTrue();
        }
        assertThat(Instrument.PHQ9.score(answersTotalling(24, 9, false)).safetyFlag()).isFalse();
        assertThat(Instrument.GAD7.score(Collections.nCopies(7, 3)).safetyFlag()).isFalse();
    }

    @Test
    void wrongCountsAndValuesAreRefused() {
        assertThatThrownBy(() -> Instrument.PHQ9.score(Collections.nCopies(7, 0))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Instrument.GAD7.score(Collections.nCopies(9, 0))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Instrument.GAD7.score(List.of(0, 0, 0, 0, 0, 0, 4)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Instrument.GAD7.score(List.of(0, 0, 0, 0, 0, 0, -1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Instrument.PHQ9.score(null)).isInstanceOf(InvalidInputException.class);
    }

    /** Items filled with 3s from the first, the rest of the total on the next; item nine left at 0 when asked. */
    private static List<Integer> answersTotalling(int total, int items, boolean useItemNine) {
        List<Integer> answers = new ArrayList<>(Collections.nCopies(items, 0));
        int left = total;
        for (int i = 0; i < items && left > 0; i++) {
            if (items == 9 && i == 8 && !useItemNine) {
                continue;
            }
            int answer = Math.min(3, left);
            answers.set(i, answer);
            left -= answer;
        }
        if (left > 0) {
            answers.set(8, left);
        }
        return answers;
    }
}
