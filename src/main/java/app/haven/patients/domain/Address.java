package app.haven.patients.domain;

/** A postal address; every part optional, as people fill them in. */
public record Address(String street, String city, String region, String postalCode, String country) {

    public boolean isEmpty() {
        return street == null && city == null && region == null && postalCode == null && country == null;
    }
}
