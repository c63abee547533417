package app.haven.identity.adapter.in.web;

import java.util.UUID;

import app.haven.identity.domain.Account;
import app.haven.shared.Role;

/** A person as they and the people they may reach see them. Never a hash, never a status secret. */
record UserResponse(UUID id, String email, String firstName, String lastName, Role role) {

    static UserResponse of(Account account) {
        return new UserResponse(account.id(), account.email().value(), account.firstName(), account.lastName(),
                account.role());
    }
}
