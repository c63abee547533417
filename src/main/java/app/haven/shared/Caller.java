package app.haven.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * The signed-in person a request acts for: their account id and role, as the verified token
 * says. Controllers receive it as a parameter; modules never read tokens or headers themselves.
 *
 * @param id   the account id, which is also the person's id in every module
 * @param role the role the token grants
 */
public record Caller(UUID id, Role role) {

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public boolean hasRole(Role... roles) {
        for (Role candidate : roles) {
            if (candidate == role) {
                return true;
            }
        }
        return false;
    }
}
