package app.haven.portal.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.portal.application.port.out.MoodStore;
import app.haven.portal.application.port.out.PreferenceStore;
import app.haven.portal.domain.MoodEntry;
import app.haven.portal.domain.MoodTrend;
import app.haven.portal.domain.Preferences;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.InvalidInputException;
import app.haven.shared.KeysetCursor;
import reactor.core.publisher.Mono;

/** The client's mood journal: entries in, a page of them back, and trends the database computes. */
@Service
public class MoodJournal {

    /** A trend longer than two years is not one screen. */
    private static final long MAX_TREND_DAYS = 731;

    private final MoodStore store;
    private final PreferenceStore preferences;
    private final PortalProperties properties;
    private final Clock clock;

    MoodJournal(MoodStore store, PreferenceStore preferences, PortalProperties properties, Clock clock) {
        this.store = store;
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<MoodEntry> record(Caller caller, NewEntry entry) {
        PortalAccess.requireClient(caller);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return zoneOf(caller.id())
                .map(zone -> MoodEntry.record(caller.id(), entry.mood(), entry.energy(), entry.sleepHours(),
                        entry.stress(), entry.activities(), entry.note(),
                        entry.recordedAt() == null ? null : entry.recordedAt().truncatedTo(ChronoUnit.MICROS), now,
                        zone))
                .flatMap(recorded -> store.add(recorded).thenReturn(recorded));
    }

    public Mono<CursorPage<MoodEntry>> list(Caller caller, Instant from, Instant to, String cursor, int limit) {
        PortalAccess.requireClient(caller);
        MoodStore.Position after = KeysetCursor.decode(cursor, MoodStore.Position::new);
        return store.list(caller.id(), from, to, after, limit + 1).collectList().map(found -> CursorPage.ofOneExtra(
                found, limit, last -> KeysetCursor.encode(last.recordedAt(), last.id())));
    }

    public Mono<List<MoodTrend>> trends(Caller caller, LocalDate from, LocalDate to, MoodTrend.Bucket bucket) {
        PortalAccess.requireClient(caller);
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_TREND_DAYS) {
            throw new InvalidInputException("to", "a trend covers at most two years");
        }
        return store.trends(caller.id(), from, to, bucket).collectList();
    }

    public Mono<MoodEntry> latest(UUID clientId) {
        return store.latest(clientId);
    }

    private Mono<ZoneId> zoneOf(UUID accountId) {
        return preferences.find(accountId).map(Preferences::zone).defaultIfEmpty(properties.zone());
    }

    public record NewEntry(int mood, Integer energy, BigDecimal sleepHours, Integer stress, List<String> activities,
            String note, Instant recordedAt) {
    }
}
