package app.haven.messaging.adapter.in.event;

import java.time.Duration;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import app.haven.messaging.application.OpenTherapyConversation;
import app.haven.patients.TherapistAssigned;
import app.haven.patients.TherapistUnassigned;

/**
 * A new assignment opens the DIRECT conversation between client and therapist; the end of one
 * closes it for writing.
 * <p>
 * Spring Modulith marks a publication complete when this method returns, so it waits for the
 * store's answer (on a listener thread, never an event loop): returning early would mark an event
 * handled that might still fail.
 */
@Component
class TherapistAssignmentListener {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final OpenTherapyConversation therapyConversation;

    TherapistAssignmentListener(OpenTherapyConversation therapyConversation) {
        this.therapyConversation = therapyConversation;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TherapistAssigned assigned) {
        therapyConversation.open(assigned.clientId(), assigned.therapistId()).block(STORE_TIMEOUT);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TherapistUnassigned unassigned) {
        therapyConversation.close(unassigned.clientId(), unassigned.therapistId()).block(STORE_TIMEOUT);
    }
}
