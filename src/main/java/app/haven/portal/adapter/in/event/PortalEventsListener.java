package app.haven.portal.adapter.in.event;

import java.time.Duration;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import app.haven.billing.PaymentReceived;
import app.haven.messaging.MessageSent;
import app.haven.patients.SessionCancelled;
import app.haven.patients.SessionRescheduled;
import app.haven.patients.SessionScheduled;
import app.haven.portal.application.EventNotifications;
import app.haven.worksheets.WorksheetAssigned;
import app.haven.worksheets.WorksheetOverdue;
import app.haven.worksheets.WorksheetReviewed;

/**
 * Other modules' events become notifications. Each listener waits for the store (on a listener
 * thread), so an event counts as handled only once its notification is committed.
 */
@Component
class PortalEventsListener {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final EventNotifications notifications;

    PortalEventsListener(EventNotifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorksheetAssigned assigned) {
        notifications.worksheetAssigned(assigned.worksheetId(), assigned.clientId()).block(STORE_TIMEOUT);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorksheetOverdue overdue) {
        notifications.worksheetOverdue(overdue.worksheetId(), overdue.clientId()).block(STORE_TIMEOUT);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorksheetReviewed reviewed) {
        notifications.worksheetReviewed(reviewed.worksheetId(), reviewed.clientId()).block(STORE_TIMEOUT);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SessionScheduled scheduled) {
        notifications.sessionScheduled(scheduled.sessionId(), scheduled.clientId(), scheduled.startsAt())
                .block(STORE_TIMEOUT);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SessionRescheduled rescheduled) {
        notifications.sessionRescheduled(rescheduled.sessionId(), rescheduled.clientId(), rescheduled.startsAt())
                .block(STORE_TIMEOUT);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SessionCancelled cancelled) {
        notifications.sessionCancelled(cancelled.sessionId(), cancelled.clientId()).block(STORE_TIMEOUT);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentReceived received) {
        notifications.paymentReceived(received.paymentId(), received.clientId()).block(STORE_TIMEOUT);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(MessageSent sent) {
        if (!"SYSTEM".equals(sent.type())) {
            notifications.messageSent(sent).block(STORE_TIMEOUT);
        }
    }
}
