package app.haven.patients.domain;

/** What kind of appointment a session is; it decides the service code when none is given. */
public enum SessionType {
    INTAKE, INDIVIDUAL, FAMILY, GROUP
}
