package app.haven.portal.adapter.out.persistence;

import static app.haven.portal.adapter.out.persistence.Sql.instant;
import static app.haven.portal.adapter.out.persistence.Sql.nullable;
import static app.haven.portal.adapter.out.persistence.Sql.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import app.haven.portal.application.port.out.MoodStore;
import app.haven.portal.domain.MoodEntry;
import app.haven.portal.domain.MoodTrend;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Activities are kept one per line in one column; an activity never holds a line break. */
@Repository
class R2dbcMoodJournal implements MoodStore {

    private static final String COLUMNS = """
            id, client_id, mood, energy, sleep_hours, stress, activities, note, recorded_at, recorded_on, week_of,
            created_at""";

    private final DatabaseClient database;

    R2dbcMoodJournal(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> add(MoodEntry entry) {
        GenericExecuteSpec insert = database.sql("INSERT INTO portal_mood_entries (" + COLUMNS + """
                ) VALUES (:id, :clientId, :mood, :energy, :sleepHours, :stress, :activities, :note, :recordedAt,
                    :recordedOn, :weekOf, :createdAt)""")
                .bind("id", entry.id()).bind("clientId", entry.clientId()).bind("mood", entry.mood())
                .bind("recordedAt", utc(entry.recordedAt())).bind("recordedOn", entry.recordedOn())
                .bind("weekOf", entry.weekOf()).bind("createdAt", utc(entry.createdAt()));
        insert = nullable(insert, "energy", entry.energy(), Integer.class);
        insert = nullable(insert, "sleepHours", entry.sleepHours(), BigDecimal.class);
        insert = nullable(insert, "stress", entry.stress(), Integer.class);
        insert = nullable(insert, "activities", entry.activities().isEmpty() ? null : String.join("\n",
                entry.activities()), String.class);
        insert = nullable(insert, "note", entry.note(), String.class);
        return insert.then();
    }

    @Override
    public Flux<MoodEntry> list(UUID clientId, Instant from, Instant to, Position after, int limit) {
        List<String> where = new ArrayList<>(List.of("client_id = :clientId"));
        Map<String, Object> binds = new LinkedHashMap<>(Map.of("clientId", clientId));
        if (from != null) {
            where.add("recorded_at >= :from");
            binds.put("from", utc(from));
        }
        if (to != null) {
            where.add("recorded_at < :to");
            binds.put("to", utc(to));
        }
        if (after != null) {
            where.add("(recorded_at < :afterAt OR (recorded_at = :afterAt AND id < :afterId))");
            binds.put("afterAt", utc(after.recordedAt()));
            binds.put("afterId", after.id());
        }
        GenericExecuteSpec select = database.sql("SELECT " + COLUMNS + " FROM portal_mood_entries WHERE "
                + String.join(" AND ", where) + " ORDER BY recorded_at DESC, id DESC FETCH FIRST " + limit
                + " ROWS ONLY");
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            select = select.bind(bind.getKey(), bind.getValue());
        }
        return select.map(R2dbcMoodJournal::entry).all();
    }

    @Override
    public Mono<MoodEntry> latest(UUID clientId) {
        return list(clientId, null, null, null, 1).next();
    }

    @Override
    public Flux<MoodTrend> trends(UUID clientId, LocalDate from, LocalDate to, MoodTrend.Bucket bucket) {
        String key = bucket == MoodTrend.Bucket.DAY ? "recorded_on" : "week_of";
        return database.sql("""
                SELECT %1$s AS bucket, COUNT(*) AS entries,
                       AVG(CAST(mood AS NUMERIC(6, 2))) AS mood, AVG(CAST(energy AS NUMERIC(6, 2))) AS energy,
                       AVG(sleep_hours) AS sleep_hours, AVG(CAST(stress AS NUMERIC(6, 2))) AS stress
                  FROM portal_mood_entries
                 WHERE client_id = :clientId AND recorded_on >= :from AND recorded_on <= :to
                 GROUP BY %1$s ORDER BY %1$s""".formatted(key))
                .bind("clientId", clientId).bind("from", from).bind("to", to)
                .map(row -> new MoodTrend(row.get("bucket", LocalDate.class), row.get("entries", Long.class),
                        average(row, "mood"), average(row, "energy"), average(row, "sleep_hours"),
                        average(row, "stress")))
                .all();
    }

    private static BigDecimal average(Readable row, String column) {
        Number value = row.get(column, Number.class);
        if (value == null) {
            return null;
        }
        BigDecimal exact = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    private static MoodEntry entry(Readable row) {
        String activities = row.get("activities", String.class);
        Number sleep = row.get("sleep_hours", Number.class);
        Number energy = row.get("energy", Number.class);
        Number stress = row.get("stress", Number.class);
        return new MoodEntry(row.get("id", UUID.class), row.get("client_id", UUID.class),
                row.get("mood", Number.class).intValue(), energy == null ? null : energy.intValue(),
                sleep == null ? null : new BigDecimal(sleep.toString()).setScale(1, RoundingMode.HALF_UP),
                stress == null ? null : stress.intValue(),
                activities == null ? List.of() : Arrays.asList(activities.split("\n")), row.get("note", String.class),
                instant(row.get("recorded_at", OffsetDateTime.class)), row.get("recorded_on", LocalDate.class),
                row.get("week_of", LocalDate.class), instant(row.get("created_at", OffsetDateTime.class)));
    }
}
