/**
 * Client records, therapist assignments (caseloads), sessions with notes, and progress: the therapist's panel.
 */
@ApplicationModule(displayName = "Patients and sessions", allowedDependencies = { "shared", "identity", "files" })
package app.haven.patients;

import org.springframework.modulith.ApplicationModule;
