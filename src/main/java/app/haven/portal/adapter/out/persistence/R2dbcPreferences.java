package app.haven.portal.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import app.haven.portal.application.port.out.PreferenceStore;
import app.haven.portal.domain.Preferences;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcPreferences implements PreferenceStore {

    private static final String COLUMNS = """
            account_id, email, sms, push, session_reminders, reminder_hours_before, message_digest,
            quiet_hours_start, quiet_hours_end, time_zone""";

    private final DatabaseClient database;

    R2dbcPreferences(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Preferences> find(UUID accountId) {
        return findAll(List.of(accountId)).next();
    }

    @Override
    public Flux<Preferences> findAll(Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT " + COLUMNS + " FROM portal_preferences WHERE account_id IN (:ids)")
                .bind("ids", List.copyOf(accountIds)).map(R2dbcPreferences::preferences).all();
    }

    @Override
    public Flux<Preferences> withMessageDigest() {
        return database.sql("SELECT " + COLUMNS + " FROM portal_preferences WHERE message_digest = TRUE")
                .map(R2dbcPreferences::preferences).all();
    }

    @Override
    public Mono<Void> save(Preferences preferences, Instant now) {
        GenericExecuteSpec insert = database.sql("""
                INSERT INTO portal_preferences (account_id, email, sms, push, session_reminders, reminder_hours_before,
                    message_digest, quiet_hours_start, quiet_hours_end, time_zone, updated_at)
                SELECT :id, :email, :sms, :push, :reminders, :hours, :digest, :quietStart, :quietEnd, :zone, :now
                WHERE NOT EXISTS (SELECT 1 FROM portal_preferences WHERE account_id = :id)""");
        GenericExecuteSpec update = database.sql("""
                UPDATE portal_preferences SET email = :email, sms = :sms, push = :push, session_reminders = :reminders,
                    reminder_hours_before = :hours, message_digest = :digest, quiet_hours_start = :quietStart,
                    quiet_hours_end = :quietEnd, time_zone = :zone, updated_at = :now
                WHERE account_id = :id""");
        return values(insert, preferences, now).fetch().rowsUpdated()
                .onErrorResume(DataIntegrityViolationException.class, addedMeanwhile -> Mono.just(0L))
                .filter(inserted -> inserted > 0)
                .switchIfEmpty(Mono.defer(() -> values(update, preferences, now).fetch().rowsUpdated()))
                .then();
    }

    private static GenericExecuteSpec values(GenericExecuteSpec spec, Preferences preferences, Instant now) {
        spec = spec.bind("id", preferences.accountId()).bind("email", preferences.email())
                .bind("sms", preferences.sms()).bind("push", preferences.push())
                .bind("reminders", preferences.sessionReminders()).bind("hours", preferences.reminderHoursBefore())
                .bind("digest", preferences.messageDigest()).bind("zone", preferences.zone().getId())
                .bind("now", now.atOffset(ZoneOffset.UTC));
        spec = preferences.quietHoursStart() == null ? spec.bindNull("quietStart", LocalTime.class)
                : spec.bind("quietStart", preferences.quietHoursStart());
        return preferences.quietHoursEnd() == null ? spec.bindNull("quietEnd", LocalTime.class)
                : spec.bind("quietEnd", preferences.quietHoursEnd());
    }

    private static Preferences preferences(Readable row) {
        return new Preferences(row.get("account_id", UUID.class), row.get("email", Boolean.class),
                row.get("sms", Boolean.class), row.get("push", Boolean.class),
                row.get("session_reminders", Boolean.class), row.get("reminder_hours_before", Integer.class),
                row.get("message_digest", Boolean.class), row.get("quiet_hours_start", LocalTime.class),
                row.get("quiet_hours_end", LocalTime.class), ZoneId.of(row.get("time_zone", String.class)));
    }
}
