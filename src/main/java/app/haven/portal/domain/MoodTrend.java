package app.haven.portal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The mood journal summed over a day or a week (starting Monday): how many entries, and the
 * average of each scale, null where no entry gave it.
 */
public record MoodTrend(LocalDate bucket, long entries, BigDecimal mood, BigDecimal energy, BigDecimal sleepHours,
        BigDecimal stress) {

    public enum Bucket { DAY, WEEK }
}
