package app.haven.portal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.messaging.Inboxes;
import app.haven.messaging.MessageSent;
import app.haven.portal.domain.Notification;
import app.haven.portal.domain.Notification.Kind;
import reactor.core.publisher.Mono;

/**
 * What other modules' events mean for the people concerned. Every notification is keyed on the
 * event's ids, so an event delivered twice tells nobody twice. Texts are deliberately plain: what
 * happened and where to look, never clinical content.
 */
@Service
public class EventNotifications {

    private final Notify notify;
    private final Inboxes inboxes;
    private final Clock clock;

    EventNotifications(Notify notify, Inboxes inboxes, Clock clock) {
        this.notify = notify;
        this.inboxes = inboxes;
        this.clock = clock;
    }

    public Mono<Void> worksheetAssigned(UUID worksheetId, UUID clientId) {
        return tell(clientId, Kind.WORKSHEET_ASSIGNED, "A new worksheet", "Your therapist assigned you a worksheet.",
                worksheetId, "worksheet-assigned");
    }

    public Mono<Void> worksheetDueSoon(UUID worksheetId, UUID clientId, Instant dueDate) {
        return tell(clientId, Kind.WORKSHEET_DUE_SOON, "A worksheet is due soon",
                "One of your worksheets is due within a day.", worksheetId, "worksheet-due-soon:" + dueDate);
    }

    public Mono<Void> worksheetOverdue(UUID worksheetId, UUID clientId) {
        return tell(clientId, Kind.WORKSHEET_OVERDUE, "A worksheet is past its due date",
                "One of your worksheets is past its due date. You can still hand it in.", worksheetId,
                "worksheet-overdue");
    }

    public Mono<Void> worksheetReviewed(UUID worksheetId, UUID clientId) {
        return tell(clientId, Kind.WORKSHEET_REVIEWED, "Your therapist reviewed a worksheet",
                "Your therapist left feedback on a worksheet you handed in.", worksheetId, "worksheet-reviewed");
    }

    public Mono<Void> sessionScheduled(UUID sessionId, UUID clientId, Instant startsAt) {
        return tell(clientId, Kind.SESSION_SCHEDULED, "A session was scheduled",
                "A session with your therapist was scheduled. Open Haven for the time.", sessionId,
                "session-scheduled:" + startsAt);
    }

    public Mono<Void> sessionRescheduled(UUID sessionId, UUID clientId, Instant startsAt) {
        return tell(clientId, Kind.SESSION_RESCHEDULED, "A session moved",
                "A session with your therapist moved to another time. Open Haven for the new time.", sessionId,
                "session-rescheduled:" + startsAt);
    }

    public Mono<Void> sessionCancelled(UUID sessionId, UUID clientId) {
        return tell(clientId, Kind.SESSION_CANCELLED, "A session was cancelled",
                "A session with your therapist was cancelled.", sessionId, "session-cancelled");
    }

    public Mono<Void> sessionReminder(UUID sessionId, UUID clientId, Instant startsAt) {
        return tell(clientId, Kind.SESSION_REMINDER, "Your session is coming up",
                "You have a session with your therapist soon. Open Haven for the time.", sessionId,
                "session-reminder:" + startsAt);
    }

    public Mono<Void> paymentReceived(UUID paymentId, UUID clientId) {
        return tell(clientId, Kind.PAYMENT_RECEIVED, "Payment received", "Thank you: your payment was received.",
                paymentId, "payment-received");
    }

    /**
     * Only those messaging says to alert: connected nowhere (the others see the message arrive), and
     * once per conversation until they read it, so a busy group does not send a mail per message.
     */
    public Mono<Void> messageSent(MessageSent sent) {
        return inboxes.toAlertOf(sent)
                .flatMap(recipients -> notify.send(recipients.stream().sorted()
                        .map(recipient -> Notification.of(recipient, Kind.NEW_MESSAGE, "A new message",
                                "You have a new message in Haven.", sent.conversationId(),
                                Notify.key("new-message", sent.messageId(), recipient.toString()), now()))
                        .toList()));
    }

    public Mono<Void> messageDigest(UUID recipient, long unread, String day) {
        return notify.send(Notification.of(recipient, Kind.MESSAGE_DIGEST, "Unread messages",
                "You have " + unread + " unread message" + (unread == 1 ? "" : "s") + " in Haven.", null,
                Notify.key("message-digest", recipient.toString(), day), now()));
    }

    private Mono<Void> tell(UUID recipient, Kind kind, String title, String body, UUID subject, String keyPart) {
        return notify.send(Notification.of(recipient, kind, title, body, subject.toString(),
                Notify.key(keyPart, subject.toString(), recipient.toString()), now()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
