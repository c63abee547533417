/**
 * Therapeutic assignments with materials, submissions, feedback, due dates and status.
 */
@ApplicationModule(displayName = "Worksheets", allowedDependencies = { "shared", "identity", "files", "patients" })
package app.haven.worksheets;

import org.springframework.modulith.ApplicationModule;
