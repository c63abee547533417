package app.haven.patients.domain;

/** A session is scheduled until it ends one of three ways, and then never changes state again. */
public enum SessionStatus {
    SCHEDULED, COMPLETED, CANCELLED, NO_SHOW;

    /** Whether the session holds its time in the therapist's calendar. */
    public boolean occupiesCalendar() {
        return this == SCHEDULED || this == COMPLETED;
    }
}
