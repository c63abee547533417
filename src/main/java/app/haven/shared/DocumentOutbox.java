package app.haven.shared;

import reactor.core.publisher.Mono;

/**
 * The outbox for MongoDB documents, which have no multi-document transactions: an event is
 * embedded in the {@code outbox} array of the very document whose change it reports, in the same
 * single-document write, and relayed from there.
 * <p>
 * Call {@link #relay(String, Object)} after the write to deliver at once; a sweeper relays
 * whatever a crash left behind. Delivery is at least once, so listeners stay idempotent.
 */
public interface DocumentOutbox {

    /** The field of an outbox-carrying document that holds its pending events. */
    String FIELD = "outbox";

    /** Serialises the event for the document's {@value #FIELD} array. */
    StagedEvent stage(Object event);

    /** Publishes the document's pending events, then removes them from it. */
    Mono<Void> relay(String collection, Object documentId);

    /**
     * Leaves {@code collection} out of the sweeper's scan, for a module that finds its own
     * unrelayed documents cheaply (a scan of a large collection is slow on the embedded server)
     * and relays them with {@link #relay(String, Object)}.
     */
    void sweptByOwner(String collection);
}
