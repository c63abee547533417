package app.haven.portal.application;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import app.haven.identity.AccountSummary;
import app.haven.identity.Accounts;
import app.haven.patients.ClientProfiles;
import app.haven.shared.Caller;
import app.haven.shared.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * The client's profile as one page, kept where it belongs: names in identity, the rest in
 * patients. Nothing is stored twice; each part is changed through its owner's API.
 */
@Service
public class PortalProfile {

    private static final ClientProfiles.Profile EMPTY = new ClientProfiles.Profile(null, null, null, List.of());

    private final Accounts accounts;
    private final ClientProfiles profiles;

    PortalProfile(Accounts accounts, ClientProfiles profiles) {
        this.accounts = accounts;
        this.profiles = profiles;
    }

    public Mono<Profile> of(Caller caller) {
        PortalAccess.requireClient(caller);
        return Mono.zip(account(caller), details(caller)).map(found -> Profile.of(found.getT1(), found.getT2()));
    }

    public Mono<Profile> change(Caller caller, String firstName, String lastName, String phone, LocalDate dateOfBirth,
            ClientProfiles.Address address) {
        PortalAccess.requireClient(caller);
        // contact details first: patients refuses bad ones before anything changed; the names were
        // validated at the route, so identity's rename does not fail on them afterwards
        return details(caller)
                .flatMap(current -> profiles.update(caller.id(), new ClientProfiles.Profile(dateOfBirth, phone,
                        address, current.emergencyContacts())))
                .flatMap(updated -> accounts.rename(caller.id(), firstName, lastName)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("Account")))
                        .map(renamed -> Profile.of(renamed, updated)));
    }

    public Mono<List<ClientProfiles.EmergencyContact>> emergencyContacts(Caller caller) {
        PortalAccess.requireClient(caller);
        return details(caller).map(ClientProfiles.Profile::emergencyContacts);
    }

    public Mono<List<ClientProfiles.EmergencyContact>> replaceEmergencyContacts(Caller caller,
            List<ClientProfiles.EmergencyContact> contacts) {
        PortalAccess.requireClient(caller);
        return details(caller)
                .flatMap(current -> profiles.update(caller.id(), new ClientProfiles.Profile(current.dateOfBirth(),
                        current.phone(), current.address(), contacts)))
                .map(ClientProfiles.Profile::emergencyContacts);
    }

    private Mono<AccountSummary> account(Caller caller) {
        return accounts.find(caller.id()).switchIfEmpty(Mono.error(() -> new NotFoundException("Account")));
    }

    private Mono<ClientProfiles.Profile> details(Caller caller) {
        return profiles.profileOf(caller.id()).defaultIfEmpty(EMPTY);
    }

    public record Profile(String firstName, String lastName, String email, String phone, LocalDate dateOfBirth,
            ClientProfiles.Address address) {

        static Profile of(AccountSummary account, ClientProfiles.Profile details) {
            return new Profile(account.firstName(), account.lastName(), account.email(), details.phone(),
                    details.dateOfBirth(), details.address());
        }
    }
}
