package app.haven.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import app.haven.identity.application.Registration;
import app.haven.identity.application.RequestOrigin;
import app.haven.patients.application.AssignTherapist;
import app.haven.patients.domain.Assignment;
import app.haven.shared.Role;
import app.haven.support.TestProfiles;

/**
 * The patients module with the modules it uses (identity, whose accounts it assigns, and the shared
 * kernel): it starts, and assigning a therapist tells the rest of Haven, ending the previous
 * assignment first.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(PatientsModuleIT.AssignmentEvents.class)
class PatientsModuleIT {

    @Autowired AssignTherapist assignTherapist;
    @Autowired AssignmentEvents events;
    @Autowired Registration registration;

    @Test
    void reassigningAClientEndsTheOldAssignmentAndAnnouncesBoth(Scenario scenario) {
        UUID client = account(Role.CLIENT);
        UUID first = account(Role.THERAPIST);
        UUID second = account(Role.THERAPIST);
        Assignment original = assignTherapist.assign(new AssignTherapist.Command(client, first)).block();

        scenario.stimulate(() -> assignTherapist.assign(new AssignTherapist.Command(client, second)).block())
                .andWaitForStateChange(() -> events.ended(original.id()) && events.assignedTo(client, second))
                .andVerify(done -> assertThat(events.assignedTo(client, first)).isTrue());
    }

    @Test
    void assigningTheSameTherapistAgainChangesNothing() {
        UUID client = account(Role.CLIENT);
        UUID therapist = account(Role.THERAPIST);

        Assignment first = assignTherapist.assign(new AssignTherapist.Command(client, therapist)).block();
        Assignment again = assignTherapist.assign(new AssignTherapist.Command(client, therapist)).block();

        assertThat(again.id()).isEqualTo(first.id());
    }

    /** A new active account of {@code role}, as an administrator creates it. */
    private UUID account(Role role) {
        return registration.create(new Registration.Create("who." + UUID.randomUUID() + "@example.org",
                        "a long enough passphrase", "Pat", role.name().toLowerCase(java.util.Locale.ROOT), role),
                new RequestOrigin("127.0.0.1", "test")).block().id();
    }

    /** Records the module's events as another module's listener would receive them. */
    static class AssignmentEvents {

        private final Set<String> assigned = ConcurrentHashMap.newKeySet();
        private final Set<UUID> unassigned = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener
        void on(TherapistAssigned event) {
            assigned.add(event.clientId() + ":" + event.therapistId());
        }

        @ApplicationModuleListener
        void on(TherapistUnassigned event) {
            unassigned.add(event.assignmentId());
        }

        boolean ended(UUID assignment) {
            return unassigned.contains(assignment);
        }

        boolean assignedTo(UUID client, UUID therapist) {
            return assigned.contains(client + ":" + therapist);
        }
    }
}
