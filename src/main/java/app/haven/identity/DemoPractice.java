package app.haven.identity;

import java.util.List;

import app.haven.shared.Role;

/**
 * The demo practice the embedded mode creates on its first start, so a newcomer can sign in at
 * once (the README lists these accounts). Never created in production mode.
 */
public final class DemoPractice {

    /** Every demo account has this password. */
    public static final String PASSWORD = "haven-demo-password";

    public static final Person ADMIN = new Person("admin@practice.example", "Ada", "Admin", Role.ADMIN);
    public static final Person RUTH = new Person("ruth.therapist@practice.example", "Ruth", "Okafor", Role.THERAPIST);
    public static final Person MILES = new Person("miles.therapist@practice.example", "Miles", "Brandt", Role.THERAPIST);
    public static final Person NORA = new Person("nora.client@practice.example", "Nora", "Lindqvist", Role.CLIENT);
    public static final Person OMAR = new Person("omar.client@practice.example", "Omar", "Haddad", Role.CLIENT);
    public static final Person PIA = new Person("pia.client@practice.example", "Pia", "Moreau", Role.CLIENT);

    /** Who is whose therapist in the demo: Nora and Omar see Ruth, Pia sees Miles. */
    public static final List<Person[]> ASSIGNMENTS = List.of(
            new Person[] {NORA, RUTH}, new Person[] {OMAR, RUTH}, new Person[] {PIA, MILES});

    public static final List<Person> PEOPLE = List.of(ADMIN, RUTH, MILES, NORA, OMAR, PIA);

    private DemoPractice() {
    }

    public record Person(String email, String firstName, String lastName, Role role) {
    }
}
