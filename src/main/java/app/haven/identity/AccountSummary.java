package app.haven.identity;

import java.util.UUID;

import app.haven.shared.Role;

/**
 * What other modules may know of an account: who it is and what role it has. Never a credential.
 */
public record AccountSummary(UUID id, String email, String firstName, String lastName, Role role) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
