package app.haven.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in a document's outbox: its id (the key listeners may deduplicate on),
 * its type and its JSON form.
 */
public record StagedEvent(UUID id, String type, String payload, Instant occurredAt) {
}
