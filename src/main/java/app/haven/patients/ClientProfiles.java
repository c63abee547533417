package app.haven.patients;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * A client's own contact details and emergency contacts, for the portal: the client reads and
 * changes them there, patients keeps them. Names and email are identity's.
 */
public interface ClientProfiles {

    /** The client's details; empty when the client has no record. */
    Mono<Profile> profileOf(UUID clientId);

    /** Replaces the client's details with these (all of them: an absent value is cleared). */
    Mono<Profile> update(UUID clientId, Profile details);

    record Profile(LocalDate dateOfBirth, String phone, Address address, List<EmergencyContact> emergencyContacts) {
        public Profile {
            emergencyContacts = emergencyContacts == null ? List.of() : List.copyOf(emergencyContacts);
        }
    }

    record Address(String line1, String line2, String city, String region, String postalCode, String country) {
    }

    /** @param email optional */
    record EmergencyContact(String name, String relationship, String phone, String email) {
    }
}
