package app.haven.patients.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.InvalidInputException;

/**
 * A therapist's responsibility for a client, from {@code assignedAt} until it ends. An ended
 * assignment stays in the history and can never become active again.
 */
public record Assignment(UUID id, UUID clientId, UUID therapistId, Instant assignedAt, Instant endedAt,
        EndReason endReason) {

    public Assignment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(assignedAt, "assignedAt");
        if (clientId.equals(therapistId)) {
            throw new InvalidInputException("A person cannot be their own therapist");
        }
        if ((endedAt == null) != (endReason == null)) {
            throw new InvalidInputException("An ended assignment has both an end time and a reason");
        }
    }

    public static Assignment start(UUID clientId, UUID therapistId, Instant now) {
        return new Assignment(UUID.randomUUID(), clientId, therapistId, now, null, null);
    }

    public boolean isActive() {
        return endedAt == null;
    }

    public boolean isWith(UUID therapist) {
        return isActive() && therapistId.equals(therapist);
    }

    public Assignment end(Instant at, EndReason reason) {
        if (!isActive()) {
            throw new IllegalStateException("The assignment has already ended");
        }
        return new Assignment(id, clientId, therapistId, assignedAt, at, Objects.requireNonNull(reason));
    }
}
