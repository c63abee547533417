package app.haven.worksheets.application;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.WorksheetFacts;
import app.haven.worksheets.application.port.out.WorksheetStore;
import reactor.core.publisher.Flux;

/**
 * The worksheet facts the patients module declared a port for: per client, how many worksheets
 * were assigned, how many were handed in, and how many are overdue now, counted in the database.
 */
@Service
class WorksheetTallies implements WorksheetFacts {

    private final WorksheetStore worksheets;
    private final Clock clock;

    WorksheetTallies(WorksheetStore worksheets, Clock clock) {
        this.worksheets = worksheets;
        this.clock = clock;
    }

    @Override
    public Flux<WorksheetTally> talliesOf(Collection<UUID> clientIds) {
        return clientIds.isEmpty() ? Flux.empty()
                : worksheets.tallies(clientIds, clock.instant())
                        .map(tally -> new WorksheetTally(tally.clientId(), tally.assigned(), tally.completed(),
                                tally.overdue()));
    }
}
