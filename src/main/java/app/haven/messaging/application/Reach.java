package app.haven.messaging.application;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import app.haven.identity.AccountSummary;
import app.haven.identity.Accounts;
import app.haven.patients.Caseload;
import app.haven.shared.Caller;
import app.haven.shared.ForbiddenException;
import app.haven.shared.InvalidInputException;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/**
 * Whom a person may bring into a conversation, following the caseload: a client their current
 * therapists and the practice's staff; a therapist their current clients, colleagues and staff;
 * staff and administrators anyone.
 */
@Component
class Reach {

    private final Accounts accounts;
    private final Caseload caseload;

    Reach(Accounts accounts, Caseload caseload) {
        this.accounts = accounts;
        this.caseload = caseload;
    }

    /** Completes when every one of {@code people} exists and is within the caller's reach. */
    Mono<Void> require(Caller caller, Collection<UUID> people) {
        List<UUID> others = people.stream().filter(person -> !person.equals(caller.id())).distinct().toList();
        if (others.isEmpty()) {
            return Mono.empty();
        }
        return accounts.findAll(others).collectMap(AccountSummary::id, Function.identity())
                .zipWith(careTeamOf(caller))
                .flatMap(found -> {
                    Map<UUID, AccountSummary> known = found.getT1();
                    for (UUID other : others) {
                        AccountSummary account = known.get(other);
                        if (account == null) {
                            return Mono.error(new InvalidInputException("participantIds", "No such person: " + other));
                        }
                        if (!mayReach(caller, account, found.getT2())) {
                            return Mono.error(new ForbiddenException(
                                    "You can only message your care team and the practice's staff"));
                        }
                    }
                    return Mono.<Void>empty();
                });
    }

    /** Those of {@code people} who exist and are within the caller's reach; the rest are left out silently. */
    Mono<Set<UUID>> reachable(Caller caller, Collection<UUID> people) {
        List<UUID> others = people.stream().filter(person -> !person.equals(caller.id())).distinct().toList();
        if (others.isEmpty()) {
            return Mono.just(Set.of());
        }
        return accounts.findAll(others).collectList()
                .zipWith(careTeamOf(caller))
                .map(found -> found.getT1().stream().filter(account -> mayReach(caller, account, found.getT2()))
                        .map(AccountSummary::id).collect(java.util.stream.Collectors.toSet()));
    }

    private static boolean mayReach(Caller caller, AccountSummary other, Set<UUID> careTeam) {
        boolean practice = other.role() == Role.STAFF || other.role() == Role.ADMIN;
        return switch (caller.role()) {
            case STAFF, ADMIN -> true;
            case CLIENT -> practice || careTeam.contains(other.id());
            case THERAPIST -> practice || other.role() == Role.THERAPIST || careTeam.contains(other.id());
        };
    }

    private Mono<Set<UUID>> careTeamOf(Caller caller) {
        return switch (caller.role()) {
            case CLIENT -> caseload.therapistsOf(caller.id()).collect(HashSet::new, Set::add);
            case THERAPIST -> caseload.clientsOf(caller.id()).collect(HashSet::new, Set::add);
            case STAFF, ADMIN -> Mono.just(Set.of());
        };
    }
}
