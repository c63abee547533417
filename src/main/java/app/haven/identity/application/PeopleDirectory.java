package app.haven.identity.application;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import app.haven.identity.AccountSummary;
import app.haven.identity.Accounts;
import app.haven.identity.BlockedContacts;
import app.haven.identity.CareTeams;
import app.haven.identity.application.port.out.AccountStore;
import app.haven.identity.domain.Account;
import app.haven.identity.domain.EmailAddress;
import app.haven.shared.Caller;
import app.haven.shared.NotFoundException;
import app.haven.shared.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who people are, as far as others may know: the caller's own profile, the people the caller may
 * message, and batch lookups for other modules. Whom a client or therapist may reach comes from
 * the care teams; without them nobody clinical is reachable (never "everyone").
 */
@Service
public class PeopleDirectory implements Accounts {

    private static final int SEARCH_LIMIT = 20;
    private static final Set<Role> PRACTICE = EnumSet.of(Role.STAFF, Role.ADMIN);

    private final AccountStore accounts;
    private final ObjectProvider<CareTeams> careTeams;
    private final ObjectProvider<BlockedContacts> blocks;
    private final Clock clock;

    PeopleDirectory(AccountStore accounts, ObjectProvider<CareTeams> careTeams,
            ObjectProvider<BlockedContacts> blocks, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        this.careTeams = careTeams;
        this.blocks = blocks;
    }

    public Mono<Account> me(Caller caller) {
        return accounts.byId(caller.id()).switchIfEmpty(Mono.error(() -> new NotFoundException("Account")));
    }

    /**
     * People whose name or email contains {@code text} and whom the caller may message: a client
     * their therapists and the practice's staff; a therapist their clients, colleagues and staff;
     * staff and administrators everyone. Nobody finds a person who blocked them.
     */
    public Flux<Account> search(Caller caller, String text) {
        return reachable(caller)
                .flatMapMany(reach -> accounts.search(text.strip(), reach.roles(), reach.ids(), caller.id(),
                        SEARCH_LIMIT))
                .collectList()
                .flatMapMany(found -> withoutBlockers(caller, found));
    }

    private Flux<Account> withoutBlockers(Caller caller, List<Account> found) {
        BlockedContacts blockedContacts = blocks.getIfAvailable();
        if (blockedContacts == null || found.isEmpty()) {
            return Flux.fromIterable(found);
        }
        return blockedContacts.blockersOf(caller.id(), found.stream().map(Account::id).toList())
                .collect(HashSet<UUID>::new, Set::add)
                .flatMapMany(blockers -> Flux.fromIterable(found).filter(account -> !blockers.contains(account.id())));
    }

    private Mono<Reach> reachable(Caller caller) {
        CareTeams teams = careTeams.getIfAvailable();
        return switch (caller.role()) {
            case CLIENT -> ids(teams == null ? Flux.empty() : teams.therapistsOf(caller.id()))
                    .map(ids -> new Reach(PRACTICE, ids));
            case THERAPIST -> ids(teams == null ? Flux.empty() : teams.clientsOf(caller.id()))
                    .map(ids -> new Reach(EnumSet.of(Role.THERAPIST, Role.STAFF, Role.ADMIN), ids));
            case STAFF, ADMIN -> Mono.just(new Reach(EnumSet.allOf(Role.class), Set.of()));
        };
    }

    private static Mono<Set<UUID>> ids(Flux<UUID> ids) {
        return ids.collect(HashSet::new, Set::add);
    }

    @Override
    public Mono<AccountSummary> find(UUID accountId) {
        return accounts.byId(accountId).map(PeopleDirectory::summary);
    }

    @Override
    public Mono<AccountSummary> findByEmail(String email) {
        return accounts.byEmail(EmailAddress.of(email)).map(PeopleDirectory::summary);
    }

    @Override
    public Flux<AccountSummary> findAll(Collection<UUID> accountIds) {
        return accountIds.isEmpty() ? Flux.empty() : accounts.byIds(Set.copyOf(accountIds)).map(PeopleDirectory::summary);
    }

    @Override
    public Flux<UUID> idsMatching(String text, Role role, int limit) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? Flux.empty() : accounts.idsMatching(trimmed, role, limit);
    }

    @Override
    public Mono<AccountSummary> rename(UUID accountId, String firstName, String lastName) {
        return accounts.byId(accountId)
                .map(account -> account.renamed(firstName, lastName, clock.instant()))
                .flatMap(renamed -> accounts.update(renamed).thenReturn(summary(renamed)));
    }

    private static AccountSummary summary(Account account) {
        return new AccountSummary(account.id(), account.email().value(), account.firstName(), account.lastName(),
                account.role());
    }

    private record Reach(Set<Role> roles, Set<UUID> ids) {
    }
}
