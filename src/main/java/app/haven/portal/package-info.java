/**
 * The client's own side: profile, preferences, mood journal, assessments, therapist change requests,
 * dashboard and notifications. It composes the other modules through their APIs.
 */
@ApplicationModule(displayName = "Client portal", allowedDependencies = { "shared", "identity", "files", "patients", "worksheets", "billing", "messaging" })
package app.haven.portal;

import org.springframework.modulith.ApplicationModule;
