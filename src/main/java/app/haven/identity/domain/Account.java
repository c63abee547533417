package app.haven.identity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.InvalidInputException;
import app.haven.shared.Role;

/**
 * A person's account: who they are, their role, whether they may sign in, and the hash of their
 * password (never the password, never shown to anyone).
 */
public record Account(UUID id, EmailAddress email, String firstName, String lastName, Role role,
        AccountStatus status, String passwordHash, Instant emailVerifiedAt, Instant createdAt, Instant updatedAt) {

    public static final int MAX_NAME_LENGTH = 100;

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        firstName = name(firstName, "first name");
        lastName = name(lastName, "last name");
    }

    /** Self-registration: always a client, waiting for the email to be confirmed. */
    public static Account registered(EmailAddress email, String firstName, String lastName, String passwordHash,
            Instant now) {
        return new Account(UUID.randomUUID(), email, firstName, lastName, Role.CLIENT,
                AccountStatus.PENDING_VERIFICATION, passwordHash, null, now, now);
    }

    /** Created by an administrator, who vouches for the person: active at once. */
    public static Account created(EmailAddress email, String firstName, String lastName, Role role,
            String passwordHash, Instant now) {
        return new Account(UUID.randomUUID(), email, firstName, lastName, role, AccountStatus.ACTIVE, passwordHash,
                null, now, now);
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public boolean maySignIn() {
        return status == AccountStatus.ACTIVE;
    }

    public Account verified(Instant now) {
        AccountStatus next = status == AccountStatus.PENDING_VERIFICATION ? AccountStatus.ACTIVE : status;
        return new Account(id, email, firstName, lastName, role, next, passwordHash,
                emailVerifiedAt == null ? now : emailVerifiedAt, createdAt, now);
    }

    public Account withPasswordHash(String newHash, Instant now) {
        return new Account(id, email, firstName, lastName, role, status, newHash, emailVerifiedAt, createdAt, now);
    }

    public Account renamed(String newFirstName, String newLastName, Instant now) {
        return new Account(id, email, newFirstName, newLastName, role, status, passwordHash, emailVerifiedAt, createdAt,
                now);
    }

    private static String name(String value, String what) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("A " + what + " has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("A " + what + " has no control characters");
        }
        return trimmed;
    }
}
