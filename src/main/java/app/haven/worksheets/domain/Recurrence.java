package app.haven.worksheets.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import app.haven.shared.InvalidInputException;

/** "Weekly for N weeks": the due dates of a series, one a week from the first. */
public record Recurrence(int weeks) {

    public static final int MAX_WEEKS = 52;

    public Recurrence {
        if (weeks < 2 || weeks > MAX_WEEKS) {
            throw new InvalidInputException("recurrence.weeks", "must be between 2 and " + MAX_WEEKS);
        }
    }

    public List<Instant> dueDates(Instant first) {
        return IntStream.range(0, weeks).mapToObj(week -> first.plus(7L * week, ChronoUnit.DAYS)).toList();
    }
}
