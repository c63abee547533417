package app.haven.identity.domain;

public enum AccountStatus {
    /** Registered, email not yet confirmed: cannot sign in. */
    PENDING_VERIFICATION,
    ACTIVE,
    /** Locked by an administrator. */
    LOCKED,
    DISABLED
}
