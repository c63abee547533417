package app.haven.patients.adapter.in.event;

import java.time.Duration;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import app.haven.identity.AccountRegistered;
import app.haven.patients.application.OpenRecords;

/**
 * A new client account gets its record (waiting for a therapist), a new therapist a place on the
 * roster. Waits for the store on the listener thread, so the publication completes only once the
 * record is there; a redelivery finds it and changes nothing.
 */
@Component
class AccountRegisteredListener {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final OpenRecords openRecords;

    AccountRegisteredListener(OpenRecords openRecords) {
        this.openRecords = openRecords;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AccountRegistered registered) {
        openRecords.accountRegistered(registered.accountId(), registered.role()).block(STORE_TIMEOUT);
    }
}
