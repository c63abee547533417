package app.haven.portal.application;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.stereotype.Service;

import app.haven.portal.application.port.out.PreferenceStore;
import app.haven.portal.domain.Preferences;
import app.haven.shared.Caller;
import app.haven.shared.InvalidInputException;
import reactor.core.publisher.Mono;

/** Anyone's own notification preferences: read (defaults until changed) and replaced whole. */
@Service
public class NotificationPreferences {

    private final PreferenceStore store;
    private final PortalProperties properties;
    private final Clock clock;

    NotificationPreferences(PreferenceStore store, PortalProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Preferences> of(Caller caller) {
        return store.find(caller.id()).defaultIfEmpty(Preferences.defaults(caller.id(), properties.zone()));
    }

    public Mono<Preferences> change(Caller caller, Change change) {
        return Mono.fromSupplier(() -> new Preferences(caller.id(), change.email(), change.sms(), change.push(),
                        change.sessionReminders(), change.reminderHoursBefore(), change.messageDigest(),
                        change.quietHoursStart(), change.quietHoursEnd(), zone(change.timeZone())))
                .flatMap(preferences -> store.save(preferences, clock.instant()).thenReturn(preferences));
    }

    private ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return properties.zone();
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException unknown) {
            throw new InvalidInputException("timeZone", "must be a time zone such as Europe/Stockholm");
        }
    }

    public record Change(boolean email, boolean sms, boolean push, boolean sessionReminders, int reminderHoursBefore,
            boolean messageDigest, LocalTime quietHoursStart, LocalTime quietHoursEnd, String timeZone) {
    }
}
