package app.haven.identity;

import java.util.UUID;

import app.haven.shared.Role;

/**
 * A person got an account, by registering or from an administrator. Listeners key on
 * {@code accountId}; the patients module creates the client's or therapist's record from it.
 */
public record AccountRegistered(UUID accountId, Role role) {
}
