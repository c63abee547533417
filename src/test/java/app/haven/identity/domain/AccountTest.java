package app.haven.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.haven.shared.Role;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void anEmailAddressHasOneFormWhateverItsCaseAndSpaces() {
        assertThat(EmailAddress.of("  Nora.Lindqvist@Example.ORG ")).isEqualTo(EmailAddress.of("nora.lindqvist@example.org"));
    }

    @Test
    void somethingThatIsNotAnEmailAddressIsRefused() {
        for (String bad : new String[] {"", "nora", "nora@", "@example.org", "no ra@example.org", "nora@example",
                "a@b@example.org"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> EmailAddress.of(bad));
        }
    }

    @Test
    void aPasswordHasTwelveToOneHundredTwentyEightCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordPolicy.check("eleven-char"));
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordPolicy.check("x".repeat(129)));
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordPolicy.check(" ".repeat(12)));
        assertThat(PasswordPolicy.check("twelve-chars")).isEqualTo("twelve-chars");
    }

    @Test
    void aRegisteredClientSignsInOnlyOnceTheEmailIsConfirmed() {
        Account registered = Account.registered(EmailAddress.of("nora@example.org"), "Nora", "Lindqvist", "{argon2}x",
                NOW);

        assertThat(registered.role()).isEqualTo(Role.CLIENT);
        assertThat(registered.maySignIn()).isFalse();
        Account confirmed = registered.verified(NOW.plusSeconds(60));
        assertThat(confirmed.maySignIn()).isTrue();
        assertThat(confirmed.emailVerifiedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void anAccountCreatedByAnAdministratorIsActiveAtOnce() {
        Account created = Account.created(EmailAddress.of("ruth@example.org"), "Ruth", "Okafor", Role.THERAPIST,
                "{argon2}x", NOW);

        assertThat(created.maySignIn()).isTrue();
        assertThat(created.emailVerified()).isFalse();
    }

    @Test
    void namesAreTrimmedAndNeverEmptyOrControlCharacters() {
        assertThat(Account.registered(EmailAddress.of("a@example.org"), "  Nora ", "Lindqvist", "h", NOW).firstName())
                .isEqualTo("Nora");
        assertThatIllegalArgumentException().isThrownBy(() ->
                Account.registered(EmailAddress.of("a@example.org"), " ", "Lindqvist", "h", NOW));
        assertThatIllegalArgumentException().isThrownBy(() ->
                Account.registered(EmailAddress.of("a@example.org"), "No\u0000ra", "Lindqvist", "h", NOW));
    }
}
