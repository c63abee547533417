package app.haven.patients.domain;

/** Where a client stands in their treatment. */
public enum ClinicalStatus {
    /** Registered, no therapist assigned yet. */
    PENDING,
    ACTIVE,
    INACTIVE,
    COMPLETED
}
