package app.haven.billing.adapter.in.event;

import java.time.Duration;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import app.haven.billing.application.PostCharges;
import app.haven.billing.application.PostCharges.SessionFacts;
import app.haven.patients.SessionCancelled;
import app.haven.patients.SessionCompleted;
import app.haven.patients.SessionMissed;

/**
 * Sessions become charges. Each listener waits for the store's answer (on a listener thread), so
 * an event is marked handled only once its charge is committed; delivered again, it charges nothing.
 */
@Component
class SessionChargesListener {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final PostCharges charges;

    SessionChargesListener(PostCharges charges) {
        this.charges = charges;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SessionCompleted completed) {
        charges.completed(new SessionFacts(completed.sessionId(), completed.clientId(), completed.therapistId(),
                completed.startsAt()), completed.serviceCode(), completed.telehealth()).block(STORE_TIMEOUT);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SessionCancelled cancelled) {
        if (cancelled.late()) {
            charges.cancelledLate(new SessionFacts(cancelled.sessionId(), cancelled.clientId(), cancelled.therapistId(),
                    cancelled.startsAt())).block(STORE_TIMEOUT);
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SessionMissed missed) {
        charges.missed(new SessionFacts(missed.sessionId(), missed.clientId(), missed.therapistId(), missed.startsAt()))
                .block(STORE_TIMEOUT);
    }
}
