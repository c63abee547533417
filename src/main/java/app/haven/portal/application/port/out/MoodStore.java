package app.haven.portal.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.haven.portal.domain.MoodEntry;
import app.haven.portal.domain.MoodTrend;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The mood journal in the relational store; trends are computed there. */
public interface MoodStore {

    Mono<Void> add(MoodEntry entry);

    /** Entries recorded in the range (either end open when null), newest first, after {@code after}. */
    Flux<MoodEntry> list(UUID clientId, Instant from, Instant to, Position after, int limit);

    Mono<MoodEntry> latest(UUID clientId);

    /** Averages and counts per day or per week (Monday first) of the days from {@code from} to {@code to}. */
    Flux<MoodTrend> trends(UUID clientId, LocalDate from, LocalDate to, MoodTrend.Bucket bucket);

    record Position(Instant recordedAt, UUID id) {
    }
}
