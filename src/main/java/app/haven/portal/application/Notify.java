package app.haven.portal.application;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import app.haven.identity.AccountMail;
import app.haven.patients.ClientProfiles;
import app.haven.portal.application.port.out.NotificationStore;
import app.haven.portal.application.port.out.PreferenceStore;
import app.haven.portal.application.port.out.SmsGateway;
import app.haven.portal.domain.Notification;
import app.haven.portal.domain.Preferences;
import app.haven.shared.Transactions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells people things: stores the notification (once per source key), pushes it live, and sends it
 * by email and text as the recipient prefers, except during their quiet hours, which only safety
 * alerts break. Mail and texts say that something happened and to open Haven; never what.
 */
@Service
public class Notify {

    private static final Logger log = LoggerFactory.getLogger(Notify.class);

    private final NotificationStore store;
    private final PreferenceStore preferences;
    private final LiveNotifications live;
    private final AccountMail mail;
    private final SmsGateway sms;
    private final ClientProfiles profiles;
    private final Transactions transactions;
    private final PortalProperties properties;
    private final Clock clock;

    Notify(NotificationStore store, PreferenceStore preferences, LiveNotifications live, AccountMail mail,
            SmsGateway sms, ClientProfiles profiles, Transactions transactions, PortalProperties properties,
            Clock clock) {
        this.store = store;
        this.preferences = preferences;
        this.live = live;
        this.mail = mail;
        this.sms = sms;
        this.profiles = profiles;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores and sends each notification in its own transaction; one already sent before is skipped. */
    public Mono<Void> send(List<Notification> notifications) {
        return Flux.fromIterable(notifications)
                .concatMap(notification -> transactions.commit(store.add(notification))
                        .filter(Boolean::booleanValue)
                        .flatMap(added -> delivered(notification)))
                .then();
    }

    public Mono<Void> send(Notification notification) {
        return send(List.of(notification));
    }

    /** Inside the caller's transaction: true when stored; call {@link #delivered} after the commit. */
    Mono<Boolean> stage(Notification notification) {
        return store.add(notification);
    }

    /** After the commit: live at once, then email and text as preferred. Failures of the channels are logged only. */
    Mono<Void> delivered(Notification notification) {
        live.publish(notification);
        return preferences.find(notification.recipientId())
                .defaultIfEmpty(Preferences.defaults(notification.recipientId(), properties.zone()))
                .filter(chosen -> notification.safety() || !chosen.quietAt(clock.instant()))
                .flatMap(chosen -> Mono.when(
                        chosen.email() ? email(notification) : Mono.empty(),
                        chosen.sms() ? text(notification) : Mono.empty()))
                .onErrorResume(failure -> {
                    log.warn("Notification {} is stored and live, but email or text failed", notification.id(),
                            failure);
                    return Mono.empty();
                });
    }

    private Mono<Void> email(Notification notification) {
        return mail.send(notification.recipientId(), "Haven: " + notification.title(),
                notification.body() + "\n\nOpen Haven to see it. This mail carries no details on purpose.");
    }

    private Mono<Void> text(Notification notification) {
        return profiles.profileOf(notification.recipientId())
                .mapNotNull(ClientProfiles.Profile::phone)
                .flatMap(phone -> sms.send(phone, "Haven: " + notification.title() + ". Open Haven to see it."));
    }

    static String key(String... parts) {
        return String.join(":", parts);
    }
}
