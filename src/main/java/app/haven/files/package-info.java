/**
 * Uploaded bytes: type sniffed from content, size limits, checksums, local storage by default.
 */
@ApplicationModule(displayName = "Files", allowedDependencies = { "shared" })
package app.haven.files;

import org.springframework.modulith.ApplicationModule;
