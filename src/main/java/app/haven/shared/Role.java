package app.haven.shared;

/**
 * What a person is to the practice. A person has exactly one role.
 */
public enum Role {
    /** A patient of the practice. */
    CLIENT,
    /** A clinician with a caseload of clients. */
    THERAPIST,
    /** Practice administration and billing. */
    STAFF,
    /** Manages accounts and the practice's settings. */
    ADMIN;

    /** The Spring Security authority this role grants. */
    public String authority() {
        return "ROLE_" + name();
    }
}
