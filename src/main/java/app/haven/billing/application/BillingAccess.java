package app.haven.billing.application;

import java.util.UUID;

import app.haven.shared.Caller;
import app.haven.shared.ForbiddenException;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;

/**
 * Whose billing a caller may see: a client their own, staff and administrators anyone's (naming
 * the client), therapists nobody's. A client naming someone else is told there is nothing there.
 */
final class BillingAccess {

    private BillingAccess() {
    }

    static UUID accountOf(Caller caller, UUID clientId) {
        return switch (caller.role()) {
            case CLIENT -> {
                if (clientId != null && !clientId.equals(caller.id())) {
                    throw new NotFoundException("Billing account");
                }
                yield caller.id();
            }
            case STAFF, ADMIN -> {
                if (clientId == null) {
                    throw new InvalidInputException("clientId", "is required: name the client whose billing this is");
                }
                yield clientId;
            }
            default -> throw new ForbiddenException("Billing is for clients and practice staff");
        };
    }

    static void requireStaff(Caller caller) {
        if (!caller.hasRole(app.haven.shared.Role.STAFF, app.haven.shared.Role.ADMIN)) {
            throw new ForbiddenException("Only practice staff may do this");
        }
    }
}
