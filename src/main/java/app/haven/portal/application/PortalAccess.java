package app.haven.portal.application;

import app.haven.shared.Caller;
import app.haven.shared.ForbiddenException;
import app.haven.shared.Role;

/** Who may use which part of the portal: its own pages are the client's; decisions are staff's. */
final class PortalAccess {

    private PortalAccess() {
    }

    static void requireClient(Caller caller) {
        if (caller.role() != Role.CLIENT) {
            throw new ForbiddenException("This is the client's own portal");
        }
    }

    static void requireStaff(Caller caller) {
        if (!caller.hasRole(Role.STAFF, Role.ADMIN)) {
            throw new ForbiddenException("Only practice staff may do this");
        }
    }
}
