package app.haven.messaging.adapter.in.event;

import java.time.Duration;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import app.haven.messaging.application.AnnounceWorksheet;
import app.haven.worksheets.WorksheetAssigned;

/** A new worksheet is announced in the therapy conversation; like every listener here it waits for the store. */
@Component
class WorksheetAssignedListener {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final AnnounceWorksheet announce;

    WorksheetAssignedListener(AnnounceWorksheet announce) {
        this.announce = announce;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorksheetAssigned assigned) {
        announce.announce(assigned.worksheetId(), assigned.clientId(), assigned.therapistId()).block(STORE_TIMEOUT);
    }
}
