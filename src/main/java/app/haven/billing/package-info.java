/**
 * Service codes, charges (one per completed session), payments, balances and statements.
 */
@ApplicationModule(displayName = "Billing", allowedDependencies = { "shared", "identity", "patients" })
package app.haven.billing;

import org.springframework.modulith.ApplicationModule;
