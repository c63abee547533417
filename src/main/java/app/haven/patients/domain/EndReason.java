package app.haven.patients.domain;

/** Why an assignment ended. */
public enum EndReason {
    /** Another therapist was assigned to the client. */
    REASSIGNED
}
