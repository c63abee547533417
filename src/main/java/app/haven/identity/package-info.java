/**
 * Accounts, credentials, tokens, email verification, password reset and the sign-in audit.
 */
@ApplicationModule(displayName = "Identity and access", allowedDependencies = { "shared" })
package app.haven.identity;

import org.springframework.modulith.ApplicationModule;
