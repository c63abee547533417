package app.haven.worksheets.domain;

/** Where a worksheet stands: ASSIGNED → SUBMITTED → REVIEWED, and PAST_DUE when its due date passes unsubmitted. */
public enum WorksheetStatus {
    ASSIGNED, PAST_DUE, SUBMITTED, REVIEWED;

    /** Still waiting for the client's work. */
    public boolean isOpen() {
        return this == ASSIGNED || this == PAST_DUE;
    }
}
