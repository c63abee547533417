package app.haven.worksheets.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import app.haven.worksheets.domain.Worksheet;
import app.haven.worksheets.domain.WorksheetStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Worksheets in the relational store. */
public interface WorksheetStore {

    Mono<Void> add(Worksheet worksheet);

    Mono<Void> save(Worksheet worksheet);

    Mono<Worksheet> find(UUID id);

    /** The worksheet, locked until the transaction ends. */
    Mono<Worksheet> lock(UUID id);

    /** The worksheets of a series, earliest due first. */
    Flux<Worksheet> series(UUID seriesId);

    /** The worksheets of a series, locked, earliest due first. */
    Flux<Worksheet> lockSeries(UUID seriesId);

    Mono<Void> delete(UUID id);

    /**
     * A page of worksheets of {@code clientIds}, earliest due first, after {@code after}. A
     * {@code PAST_DUE} filter also finds assigned ones whose due date passed before {@code now}.
     */
    Flux<Worksheet> list(Collection<UUID> clientIds, Filter filter, Instant now, Position after, int limit);

    /** Assigned worksheets due from {@code from} up to, not including, {@code to}, earliest first. */
    Flux<Worksheet> assignedDueBetween(Instant from, Instant to, int limit);

    /** Assigned worksheets due before {@code now}: the sweep's work. */
    Flux<UUID> overdueCandidates(Instant now, int limit);

    /** Per client: how many worksheets, how many submitted or reviewed, how many overdue at {@code now}. */
    Flux<Tally> tallies(Collection<UUID> clientIds, Instant now);

    record Filter(WorksheetStatus status, Instant dueBefore, Instant dueAfter) {
    }

    record Position(Instant dueDate, UUID id) {
    }

    record Tally(UUID clientId, int assigned, int completed, int overdue) {
    }
}
