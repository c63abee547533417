package app.haven.portal.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.InvalidInputException;

/**
 * One mood journal entry: mood 1 to 10, optionally energy and stress (1 to 10), hours of sleep,
 * activities and a note. Its day and week are fixed in the client's zone when it is written.
 */
public record MoodEntry(UUID id, UUID clientId, int mood, Integer energy, BigDecimal sleepHours, Integer stress,
        List<String> activities, String note, Instant recordedAt, LocalDate recordedOn, LocalDate weekOf,
        Instant createdAt) {

    public static final int MAX_ACTIVITIES = 20;
    public static final int MAX_ACTIVITY = 50;
    public static final int MAX_NOTE = 2000;

    public MoodEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        scale("mood", mood);
        if (energy != null) {
            scale("energy", energy);
        }
        if (stress != null) {
            scale("stress", stress);
        }
        if (sleepHours != null && (sleepHours.signum() < 0 || sleepHours.compareTo(BigDecimal.valueOf(24)) > 0
                || sleepHours.stripTrailingZeros().scale() > 1)) {
            throw new InvalidInputException("sleepHours", "must be 0 to 24 with at most one decimal");
        }
        activities = activities == null ? List.of() : activities.stream().map(String::strip)
                .filter(activity -> !activity.isEmpty()).distinct().toList();
        if (activities.size() > MAX_ACTIVITIES) {
            throw new InvalidInputException("activities", "at most " + MAX_ACTIVITIES);
        }
        for (String activity : activities) {
            if (activity.length() > MAX_ACTIVITY || activity.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("activities", "each is at most " + MAX_ACTIVITY
                        + " characters on one line");
            }
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "is at most " + MAX_NOTE + " characters");
        }
    }

    public static MoodEntry record(UUID clientId, int mood, Integer energy, BigDecimal sleepHours, Integer stress,
            List<String> activities, String note, Instant recordedAt, Instant now, ZoneId zone) {
        Instant at = recordedAt == null ? now : recordedAt;
        if (at.isAfter(now.plusSeconds(300))) {
            throw new InvalidInputException("recordedAt", "must not be in the future");
        }
        LocalDate day = LocalDate.ofInstant(at, zone);
        return new MoodEntry(UUID.randomUUID(), clientId, mood, energy, sleepHours, stress, activities, note, at, day,
                day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), now);
    }

    private static void scale(String field, int value) {
        if (value < 1 || value > 10) {
            throw new InvalidInputException(field, "must be 1 to 10");
        }
    }
}
