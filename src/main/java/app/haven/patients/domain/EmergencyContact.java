package app.haven.patients.domain;

import java.util.Objects;

/** Whom to call when the client cannot be reached in a crisis; the email is optional. */
public record EmergencyContact(String name, String relationship, String phone, String email) {

    public EmergencyContact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(phone, "phone");
    }
}
