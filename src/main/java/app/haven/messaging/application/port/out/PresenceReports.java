package app.haven.messaging.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What each instance knows of the people connected to it, shared so every instance can tell
 * whether a person is connected anywhere. An instance reports a person whenever their connections
 * or activity change and again at every heartbeat; a report not renewed in time is stale (its
 * instance is gone).
 */
public interface PresenceReports {

    /** One instance's view of one person. */
    record Report(String instanceId, int connections, Instant lastActiveAt, Instant reportedAt) {
    }

    Mono<Void> report(UUID userId, Report report);

    /** Every instance's report for each of {@code userIds} that has any. */
    Flux<PersonReports> reportsOf(Collection<UUID> userIds);

    record PersonReports(UUID userId, List<Report> reports) {
    }
}
