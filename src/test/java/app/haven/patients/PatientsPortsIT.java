package app.haven.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import app.haven.identity.Accounts;
import app.haven.identity.application.Registration;
import app.haven.identity.application.RequestOrigin;
import app.haven.patients.ClientProfiles.Address;
import app.haven.patients.ClientProfiles.EmergencyContact;
import app.haven.patients.ClientProfiles.Profile;
import app.haven.patients.application.AssignTherapist;
import app.haven.patients.application.Panel;
import app.haven.shared.Caller;
import app.haven.shared.Role;
import app.haven.support.TestProfiles;
import reactor.core.publisher.Flux;

/**
 * The ports patients offers and declares, seen from the modules on either side: a registration in
 * identity opens the client's record; the portal reads and replaces the client's own details; and
 * worksheet facts, which the worksheets module will supply, drive the panel's overdue filter,
 * counts and figures.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(PatientsPortsIT.FakeWorksheets.class)
class PatientsPortsIT {

    @Autowired Registration registration;
    @Autowired Accounts accounts;
    @Autowired AssignTherapist assignTherapist;
    @Autowired ClientProfiles profiles;
    @Autowired Panel panel;
    @Autowired FakeWorksheets worksheets;

    @Test
    void aRegisteredClientGetsARecordWaitingForATherapist(Scenario scenario) {
        String email = "new.client." + UUID.randomUUID() + "@example.org";

        scenario.stimulate(() -> registration.register(new Registration.Register(email, "a long enough passphrase",
                        "Nora", "Lindqvist"), new RequestOrigin("127.0.0.1", "test")).block())
                .andWaitForStateChange(() -> profiles.profileOf(accountId(email)).blockOptional().isPresent())
                .andVerify(recordOpened -> assertThat(recordOpened).isTrue());
        UUID staff = UUID.randomUUID();
        assertThat(panel.list(new Caller(staff, Role.STAFF), query(null, null)).block().items())
                .anySatisfy(item -> {
                    assertThat(item.email()).isEqualTo(email);
                    assertThat(item.status().name()).isEqualTo("PENDING");
                });
    }

    @Test
    void theClientsOwnDetailsAreReplacedWholeAndReadBack() {
        UUID client = account(Role.CLIENT);
        Profile details = new Profile(LocalDate.of(1990, 4, 12), "+44 20 7946 0958",
                new Address("1 Elm Row", null, "Edinburgh", null, "EH7 4AA", "United Kingdom"),
                List.of(new EmergencyContact("Ida Lindqvist", "sister", "+44 20 7946 0000", "ida@example.org"),
                        new EmergencyContact("Per Lindqvist", "father", "+46 8 123 456", null)));

        profiles.update(client, details).block();
        assertThat(profiles.profileOf(client).block()).isEqualTo(details);

        Profile fewer = new Profile(null, "+44 20 7946 0958", null,
                List.of(new EmergencyContact("Per Lindqvist", "father", "+46 8 123 456", null)));
        profiles.update(client, fewer).block();
        assertThat(profiles.profileOf(client).block()).isEqualTo(fewer);
    }

    @Test
    void worksheetFactsDriveTheOverdueFilterAndTheFigures() {
        UUID therapist = account(Role.THERAPIST);
        UUID behind = account(Role.CLIENT);
        UUID onTrack = account(Role.CLIENT);
        assignTherapist.assign(new AssignTherapist.Command(behind, therapist)).block();
        assignTherapist.assign(new AssignTherapist.Command(onTrack, therapist)).block();
        worksheets.tallies.put(behind, new WorksheetFacts.WorksheetTally(behind, 4, 1, 2));
        worksheets.tallies.put(onTrack, new WorksheetFacts.WorksheetTally(onTrack, 3, 3, 0));
        Caller caller = new Caller(therapist, Role.THERAPIST);

        assertThat(panel.list(caller, query(true, null)).block().items()).extracting(Panel.Item::clientId)
                .containsExactly(behind);
        assertThat(panel.list(caller, query(false, null)).block().items()).extracting(Panel.Item::clientId)
                .containsExactly(onTrack);
        assertThat(panel.list(caller, query(null, null)).block().items())
                .extracting(Panel.Item::clientId, Panel.Item::overdueWorksheets)
                .containsExactlyInAnyOrder(tuple(behind, 2),
                        tuple(onTrack, 0));
        assertThat(panel.stats(caller).block().overdueWorksheets()).isEqualTo(2);
        assertThat(panel.detail(caller, behind).block().worksheets()).isEqualTo(new Panel.WorksheetCounts(4, 1, 2));
    }

    private static Panel.Query query(Boolean overdue, String q) {
        return new Panel.Query(q, null, null, null, null, null, null, overdue, null, null, 100);
    }

    private UUID account(Role role) {
        return registration.create(new Registration.Create("who." + UUID.randomUUID() + "@example.org",
                        "a long enough passphrase", "Pat", role.name().toLowerCase(Locale.ROOT), role),
                new RequestOrigin("127.0.0.1", "test")).block().id();
    }

    private UUID accountId(String email) {
        return accounts.findByEmail(email).block().id();
    }

    /** Stands in for the worksheets module: the tallies a test sets. */
    static class FakeWorksheets implements WorksheetFacts {

        final Map<UUID, WorksheetTally> tallies = new ConcurrentHashMap<>();

        @Override
        public Flux<WorksheetTally> talliesOf(Collection<UUID> clientIds) {
            Set<UUID> wanted = Set.copyOf(clientIds);
            return Flux.fromIterable(tallies.values()).filter(tally -> wanted.contains(tally.clientId()));
        }
    }
}
