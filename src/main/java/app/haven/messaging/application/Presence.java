package app.haven.messaging.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import app.haven.messaging.application.port.out.PresenceReports;
import app.haven.shared.Caller;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Who is around: ONLINE with at least one live connection and recent activity, AWAY when connected
 * but idle for {@link #AWAY_AFTER}, OFFLINE {@link #OFFLINE_GRACE} after the last connection closed
 * (so a phone switching networks does not flicker). People only learn the presence of those they
 * may message. Each instance counts the connections it holds and shares that through
 * {@link PresenceReports}, so presence is the same whichever instance a watcher is connected to.
 */
@Service
public class Presence {

    static final Duration AWAY_AFTER = Duration.ofMinutes(5);
    static final Duration OFFLINE_GRACE = Duration.ofSeconds(10);
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** A report not renewed for this long belongs to an instance that is gone. */
    static final Duration STALE_AFTER = Duration.ofSeconds(35);
    static final Duration LOOK_AGAIN = Duration.ofSeconds(3);

    public enum Status { ONLINE, AWAY, OFFLINE }

    public record PresenceView(UUID userId, Status status, Instant at) {
    }

    private final Reach reach;
    private final MessagingProperties properties;
    private final Clock clock;
    private final Map<UUID, Person> people = new ConcurrentHashMap<>();
    private final Sinks.Many<UUID> changes = Sinks.many().multicast().directBestEffort();
    private final PresenceReports reports;
    private final String instanceId = UUID.randomUUID().toString();
    private final Disposable heartbeat;

    Presence(Reach reach, PresenceReports reports, MessagingProperties properties, Clock clock, MeterRegistry meters) {
        this.reach = reach;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
        this.heartbeat = Flux.interval(HEARTBEAT)
                .concatMap(tick -> Flux.fromIterable(List.copyOf(people.keySet())).concatMap(this::report).then())
                .subscribe();
        Gauge.builder("haven.live.connections", people,
                        known -> known.values().stream().mapToInt(Person::connections).sum())
                .description("RSocket connections open on this instance")
                .register(meters);
    }

    /** A person already holds as many connections as allowed; the new one is refused at setup. */
    public static class TooManyConnectionsException extends RuntimeException {

        TooManyConnectionsException(int cap) {
            super("You already have " + cap + " connections open; close one first");
        }
    }

    /**
     * A connection of {@code userId} opened; the returned handle closes it. Refused with
     * {@link TooManyConnectionsException} when the person already holds the most allowed.
     */
    public Disposable connected(UUID userId) {
        Instant now = clock.instant();
        int cap = properties.maxConnectionsPerPerson();
        Person existing = people.get(userId);
        if (existing != null && existing.connections() >= cap) {
            throw new TooManyConnectionsException(cap);
        }
        people.compute(userId, (id, person) -> {
            Person updated = person == null ? new Person(1, now, null) : person.withConnections(person.connections() + 1, now);
            if (updated.pendingOffline() != null) {
                updated.pendingOffline().dispose();
                updated = new Person(updated.connections(), now, null);
            }
            return updated;
        });
        announce(userId);
        return () -> disconnected(userId);
    }

    /** The person did something (sent, read, typed): they are not away. */
    public void active(UUID userId) {
        Person person = people.computeIfPresent(userId, (id, known) -> known.withConnections(known.connections(), clock.instant()));
        if (person != null) {
            announce(userId);
        }
    }

    private void disconnected(UUID userId) {
        people.computeIfPresent(userId, (id, person) -> {
            int left = Math.max(0, person.connections() - 1);
            if (left > 0) {
                return person.withConnections(left, person.lastActiveAt());
            }
            Disposable offline = Mono.delay(OFFLINE_GRACE).subscribe(tick -> {
                if (people.computeIfPresent(userId, (key, current) -> current.connections() == 0 ? null : current) == null) {
                    announce(userId);
                }
            });
            return new Person(0, person.lastActiveAt(), offline);
        });
    }

    /**
     * The current presence of each of {@code userIds} the caller may message, then every change,
     * wherever the person is connected: this instance's own changes at once, other instances' at
     * the next look ({@link #LOOK_AGAIN}). A watcher that does not keep up gets the latest only.
     */
    public Flux<PresenceView> watch(Caller caller, Collection<UUID> userIds) {
        return reach.reachable(caller, userIds).flatMapMany(visible -> {
            Map<UUID, Status> told = new ConcurrentHashMap<>();
            Flux<Set<UUID>> looks = Flux.merge(
                    Flux.interval(Duration.ZERO, LOOK_AGAIN).map(tick -> visible),
                    changes.asFlux().filter(visible::contains).map(Set::of));
            return looks.onBackpressureLatest()
                    .concatMap(this::viewsOf, 1)
                    // only what changed for this watcher, whichever way it was noticed
                    .filter(view -> told.put(view.userId(), view.status()) != view.status());
        });
    }

    /** Those of {@code userIds} with a live connection on any instance, in one look at the reports. */
    public Mono<Set<UUID>> connectedAmong(Collection<UUID> userIds) {
        return viewsOf(Set.copyOf(userIds)).filter(view -> view.status() != Status.OFFLINE)
                .map(PresenceView::userId).collect(Collectors.toUnmodifiableSet());
    }

    /** Everyone's presence as all instances report it: connected and fresh anywhere is ONLINE or AWAY. */
    private Flux<PresenceView> viewsOf(Set<UUID> userIds) {
        Instant now = clock.instant();
        return reports.reportsOf(userIds).collectMap(PresenceReports.PersonReports::userId)
                .flatMapIterable(known -> userIds.stream().map(userId -> {
                    PresenceReports.PersonReports person = known.get(userId);
                    Instant lastActive = person == null ? null : person.reports().stream()
                            .filter(report -> report.connections() > 0)
                            .filter(report -> report.reportedAt().plus(STALE_AFTER).isAfter(now))
                            .map(PresenceReports.Report::lastActiveAt)
                            .max(Instant::compareTo).orElse(null);
                    Status status = lastActive == null ? Status.OFFLINE
                            : lastActive.plus(AWAY_AFTER).isBefore(now) ? Status.AWAY : Status.ONLINE;
                    return new PresenceView(userId, status, now);
                }).toList());
    }

    /** Tells every instance what this one knows of the person, then lets this instance's watchers look. */
    private void announce(UUID userId) {
        report(userId).doFinally(signal -> changes.tryEmitNext(userId)).subscribe();
    }

    private Mono<Void> report(UUID userId) {
        Person person = people.get(userId);
        Instant now = clock.instant();
        return reports.report(userId, new PresenceReports.Report(instanceId, person == null ? 0 : person.connections(),
                        person == null ? now : person.lastActiveAt(), now))
                .onErrorResume(failure -> Mono.empty());
    }

    @PreDestroy
    void stopHeartbeat() {
        heartbeat.dispose();
        // this instance's connections end with it
        Flux.fromIterable(List.copyOf(people.keySet())).doOnNext(people::remove).concatMap(this::report)
                .then().block(Duration.ofSeconds(5));
    }

    private record Person(int connections, Instant lastActiveAt, Disposable pendingOffline) {

        Person withConnections(int count, Instant activeAt) {
            return new Person(count, activeAt, pendingOffline);
        }
    }
}
