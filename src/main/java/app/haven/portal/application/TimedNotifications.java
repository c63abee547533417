package app.haven.portal.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import app.haven.messaging.Inboxes;
import app.haven.patients.SessionDirectory;
import app.haven.portal.application.port.out.PreferenceStore;
import app.haven.portal.domain.Preferences;
import app.haven.worksheets.Worksheets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Notifications that time brings, looked for every hour: session reminders (as many hours ahead as
 * the client chose), worksheets due soon, and the daily digest of unread messages. Each is keyed,
 * so a look that runs twice, or after a restart, tells nobody twice; a reminder for a session that
 * moved is a new one.
 */
@Service
public class TimedNotifications {

    /** The furthest ahead anyone may ask to be reminded. */
    private static final Duration LONGEST_REMINDER = Duration.ofHours(168);
    private static final int BATCH = 5_000;

    private final SessionDirectory sessions;
    private final Worksheets worksheets;
    private final Inboxes inboxes;
    private final PreferenceStore preferences;
    private final EventNotifications notifications;
    private final PortalProperties properties;
    private final Clock clock;

    TimedNotifications(SessionDirectory sessions, Worksheets worksheets, Inboxes inboxes, PreferenceStore preferences,
            EventNotifications notifications, PortalProperties properties, Clock clock) {
        this.sessions = sessions;
        this.worksheets = worksheets;
        this.inboxes = inboxes;
        this.preferences = preferences;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reminds each client of sessions starting within the hours they chose, if they want reminders. */
    public Mono<Void> remindOfSessions() {
        Instant now = clock.instant();
        return sessions.scheduledBetween(now, now.plus(LONGEST_REMINDER), BATCH).collectList()
                .flatMap(upcoming -> preferencesOf(upcoming.stream().map(SessionDirectory.SessionSlot::clientId).toList())
                        .flatMapMany(chosen -> Flux.fromIterable(upcoming).filter(slot -> {
                            Preferences client = chosen.getOrDefault(slot.clientId(),
                                    Preferences.defaults(slot.clientId(), properties.zone()));
                            return client.sessionReminders() && !slot.startsAt()
                                    .minus(Duration.ofHours(client.reminderHoursBefore())).isAfter(now);
                        }))
                        .concatMap(slot -> notifications.sessionReminder(slot.sessionId(), slot.clientId(),
                                slot.startsAt()))
                        .then());
    }

    public Mono<Void> warnOfWorksheetsDueSoon() {
        Instant now = clock.instant();
        return worksheets.dueBetween(now, now.plus(properties.dueSoonWithin()), BATCH)
                .concatMap(worksheet -> notifications.worksheetDueSoon(worksheet.id(), worksheet.clientId(),
                        worksheet.dueDate()))
                .then();
    }

    /** Once a day: each person who asked for a digest and has unread messages is told how many. */
    public Mono<Void> sendMessageDigests() {
        String day = LocalDate.ofInstant(clock.instant(), properties.zone()).toString();
        return preferences.withMessageDigest()
                .concatMap(person -> inboxes.unreadTotal(person.accountId())
                        .filter(unread -> unread > 0)
                        .flatMap(unread -> notifications.messageDigest(person.accountId(), unread, day)))
                .then();
    }

    private Mono<Map<UUID, Preferences>> preferencesOf(List<UUID> clientIds) {
        return preferences.findAll(clientIds.stream().distinct().toList())
                .collectMap(Preferences::accountId, Function.identity());
    }
}
