package app.haven.identity;

import java.util.UUID;

/** The account holder proved they read the account's mailbox. Listeners key on {@code accountId}. */
public record EmailVerified(UUID accountId) {
}
