package app.haven.patients;

import java.util.Collection;
import java.util.UUID;

import reactor.core.publisher.Flux;

/**
 * How patients learns about a client's worksheets for the panel and progress. Worksheets live
 * downstream, so patients declares this port and the worksheets module implements it; until it
 * does, every client has none.
 */
public interface WorksheetFacts {

    /** The tallies of these clients; a client without worksheets may be left out. */
    Flux<WorksheetTally> talliesOf(Collection<UUID> clientIds);

    /** How many worksheets a client has been assigned, has completed, and has let pass their due date. */
    record WorksheetTally(UUID clientId, int assigned, int completed, int overdue) {

        public static WorksheetTally none(UUID clientId) {
            return new WorksheetTally(clientId, 0, 0, 0);
        }
    }
}
