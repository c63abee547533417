package app.haven.identity.application.port.out;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import app.haven.identity.domain.Account;
import app.haven.identity.domain.EmailAddress;
import app.haven.shared.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where accounts live. Email addresses are unique; adding a taken one is a conflict. */
public interface AccountStore {

    Mono<Account> byId(UUID id);

    Mono<Account> byEmail(EmailAddress email);

    Flux<Account> byIds(Collection<UUID> ids);

    Mono<Void> add(Account account);

    Mono<Void> update(Account account);

    Mono<Boolean> anyWithRole(Role role);

    /**
     * Active accounts whose names or email contain {@code text}, among those with one of
     * {@code roles} or one of {@code ids}, except {@code excluded}; at most {@code limit}, by name.
     */
    Flux<Account> search(String text, Set<Role> roles, Set<UUID> ids, UUID excluded, int limit);

    /** Ids of accounts of any status with this role whose name or email contains {@code text}. */
    Flux<UUID> idsMatching(String text, Role role, int limit);
}
