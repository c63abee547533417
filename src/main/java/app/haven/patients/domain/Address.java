package app.haven.patients.domain;

/** A postal address; every part optional, as people fill them in. */
public record Address(String street, String line2, String city, String region, String postalCode, String country) {

    public boolean isEmpty() {
        return street == null && line2 == null && city == null && region == null && postalCode == null
                && country == null;
    }
}
