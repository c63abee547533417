package app.haven.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import app.haven.identity.application.Registration;
import app.haven.identity.application.RequestOrigin;
import app.haven.shared.Role;
import app.haven.support.TestProfiles;

/**
 * The identity module on its own (only the shared kernel beside it): it starts, and a new
 * account is announced to the modules that keep records of clients and therapists.
 */
@ApplicationModuleTest
@ActiveProfiles(resolver = TestProfiles.class)
@Import(IdentityModuleIT.Registrations.class)
class IdentityModuleIT {

    private static final RequestOrigin TEST = new RequestOrigin("127.0.0.1", "test");

    @Autowired Registration registration;
    @Autowired Registrations registrations;

    @Test
    void aSelfRegisteredClientIsAnnouncedWithTheirRole(Scenario scenario) {
        String email = "client-" + UUID.randomUUID() + "@example.org";

        scenario.stimulate(() -> registration.register(new Registration.Register(email, "a long enough password",
                        "Nora", "Lindqvist"), TEST).block())
                .andWaitForStateChange(() -> registrations.roleOf(email))
                .andVerify(role -> assertThat(role).isEqualTo(Role.CLIENT));
    }

    @Test
    void anAdministratorCreatedTherapistIsAnnouncedToo(Scenario scenario) {
        String email = "therapist-" + UUID.randomUUID() + "@example.org";

        scenario.stimulate(() -> registration.create(new Registration.Create(email, "a long enough password",
                        "Ruth", "Okafor", Role.THERAPIST), TEST).block())
                .andWaitForStateChange(() -> registrations.roleOf(email))
                .andVerify(role -> assertThat(role).isEqualTo(Role.THERAPIST));
    }

    /** Records announcements as the patients module would receive them, keyed by email. */
    static class Registrations {

        private final Map<UUID, Role> announced = new ConcurrentHashMap<>();
        @Autowired Accounts accounts;

        @ApplicationModuleListener
        void on(AccountRegistered registered) {
            announced.put(registered.accountId(), registered.role());
        }

        Role roleOf(String email) {
            AccountSummary account = accounts.findByEmail(email).block();
            return account == null ? null : announced.get(account.id());
        }
    }
}
