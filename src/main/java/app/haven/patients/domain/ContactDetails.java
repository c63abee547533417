package app.haven.patients.domain;

import java.time.LocalDate;
import java.util.List;

import app.haven.shared.InvalidInputException;

/**
 * What a client tells the practice about themselves besides their name: date of birth, phone,
 * address and emergency contacts. The client edits it (through the portal); clinicians read it.
 */
public record ContactDetails(LocalDate dateOfBirth, String phone, Address address,
        List<EmergencyContact> emergencyContacts) {

    public static final int MAX_EMERGENCY_CONTACTS = 5;

    public ContactDetails {
        emergencyContacts = emergencyContacts == null ? List.of() : List.copyOf(emergencyContacts);
        if (emergencyContacts.size() > MAX_EMERGENCY_CONTACTS) {
            throw new InvalidInputException("At most " + MAX_EMERGENCY_CONTACTS + " emergency contacts");
        }
        if (address != null && address.isEmpty()) {
            address = null;
        }
    }

    public static ContactDetails none() {
        return new ContactDetails(null, null, null, List.of());
    }
}
