package app.haven.identity;

import java.util.Collection;
import java.util.UUID;

import app.haven.shared.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The identity module's API for other modules: names, emails and roles of accounts, looked up
 * in batches (one query for a page of rows, never one per row).
 */
public interface Accounts {

    Mono<AccountSummary> find(UUID accountId);

    /** The account with this email address, in any letter case. */
    Mono<AccountSummary> findByEmail(String email);

    /** The accounts among {@code accountIds} that exist, in no particular order. */
    Flux<AccountSummary> findAll(Collection<UUID> accountIds);

    /**
     * Ids of the accounts with this role whose first name, last name or email contains
     * {@code text} (ignoring case), at most {@code limit} of them.
     */
    Flux<UUID> idsMatching(String text, Role role, int limit);

    /** The person's own names changed (as the portal's profile lets a client do); empty when unknown. */
    Mono<AccountSummary> rename(UUID accountId, String firstName, String lastName);
}
