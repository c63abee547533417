package app.haven.patients.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.ClientProfiles;
import app.haven.patients.application.port.out.ClientRecordStore;
import app.haven.patients.domain.ClientRecord;
import app.haven.patients.domain.ContactDetails;
import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/** The client's own details, for the portal: read and replaced whole, in the client's record. */
@Service
class ClientProfileService implements ClientProfiles {

    private final ClientRecordStore records;
    private final Transactions transactions;
    private final Clock clock;

    ClientProfileService(ClientRecordStore records, Transactions transactions, Clock clock) {
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Mono<Profile> profileOf(UUID clientId) {
        return records.find(clientId).map(ClientProfileService::profile);
    }

    @Override
    public Mono<Profile> update(UUID clientId, Profile details) {
        Address given = details.address();
        ContactDetails contact = new ContactDetails(details.dateOfBirth(), details.phone(),
                given == null ? null : new app.haven.patients.domain.Address(given.line1(), given.line2(),
                        given.city(), given.region(), given.postalCode(), given.country()),
                details.emergencyContacts().stream()
                        .map(person -> new app.haven.patients.domain.EmergencyContact(person.name(),
                                person.relationship(), person.phone(), person.email()))
                        .toList());
        return transactions.commit(records.addIfAbsent(ClientRecord.open(clientId, clock.instant()))
                .then(records.lock(clientId))
                .map(record -> record.withContact(contact, clock.instant()))
                .flatMap(changed -> records.save(changed).thenReturn(profile(changed))));
    }

    private static Profile profile(ClientRecord record) {
        ContactDetails contact = record.contact();
        // the port's Address and EmergencyContact are in scope here; the domain's are spelled out
        app.haven.patients.domain.Address address = contact.address();
        return new Profile(contact.dateOfBirth(), contact.phone(),
                address == null ? null : new Address(address.street(), address.line2(), address.city(),
                        address.region(), address.postalCode(), address.country()),
                contact.emergencyContacts().stream()
                        .map(person -> new EmergencyContact(person.name(), person.relationship(),
                                person.phone(), person.email()))
                        .toList());
    }
}
