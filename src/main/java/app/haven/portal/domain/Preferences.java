package app.haven.portal.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.InvalidInputException;

/**
 * How and when a person wants to hear from Haven. During quiet hours (in their own zone; the span
 * may cross midnight) nothing is sent to them by email or text but safety alerts; the feed still
 * records everything.
 */
public record Preferences(UUID accountId, boolean email, boolean sms, boolean push, boolean sessionReminders,
        int reminderHoursBefore, boolean messageDigest, LocalTime quietHoursStart, LocalTime quietHoursEnd,
        ZoneId zone) {

    public Preferences {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(zone, "zone");
        if (reminderHoursBefore < 1 || reminderHoursBefore > 168) {
            throw new InvalidInputException("reminderHoursBefore", "must be 1 to 168");
        }
        if ((quietHoursStart == null) != (quietHoursEnd == null)) {
            throw new InvalidInputException("quietHours", "needs both a start and an end, or neither");
        }
    }

    public static Preferences defaults(UUID accountId, ZoneId zone) {
        return new Preferences(accountId, true, false, true, true, 24, false, null, null, zone);
    }

    public boolean quietAt(Instant instant) {
        if (quietHoursStart == null || quietHoursStart.equals(quietHoursEnd)) {
            return false;
        }
        LocalTime local = LocalTime.ofInstant(instant, zone);
        return quietHoursStart.isBefore(quietHoursEnd)
                ? !local.isBefore(quietHoursStart) && local.isBefore(quietHoursEnd)
                : !local.isBefore(quietHoursStart) || local.isBefore(quietHoursEnd);
    }
}
