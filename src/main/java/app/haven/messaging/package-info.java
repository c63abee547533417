/**
 * Conversations, participants, messages, receipts, reactions, typing, presence, blocks, search and retention,
 * stored in MongoDB and pushed over RSocket.
 */
@ApplicationModule(displayName = "Messaging", allowedDependencies = { "shared", "identity", "files", "patients", "worksheets", "billing" })
package app.haven.messaging;

import org.springframework.modulith.ApplicationModule;
