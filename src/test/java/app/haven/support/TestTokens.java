package app.haven.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import app.haven.shared.Role;

/**
 * Issues access tokens the way Haven's identity module will: signed with Haven's key, carrying
 * the account id and role only.
 */
public class TestTokens {

    private final JwtEncoder encoder;

    TestTokens(JwtEncoder encoder) {
        this.encoder = encoder;
    }

    /** Tokens of an application a test started itself. */
    public static TestTokens signingWith(JwtEncoder encoder) {
        return new TestTokens(encoder);
    }

    public String of(UUID accountId, Role role) {
        return issued(accountId, role, Instant.now(), Duration.ofMinutes(15));
    }

    public String expired(UUID accountId, Role role) {
        return issued(accountId, role, Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(15));
    }

    public String issued(UUID accountId, Role role, Instant issuedAt, Duration lifetime) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("haven")
                .subject(accountId.toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .claim("role", role.name())
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
