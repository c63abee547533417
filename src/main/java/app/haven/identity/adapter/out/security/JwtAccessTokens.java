package app.haven.identity.adapter.out.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import app.haven.identity.application.port.out.AccessTokens;
import app.haven.identity.domain.Account;

/**
 * Access tokens: RS256-signed JWTs carrying only the account id ({@code sub}) and the role, valid
 * for at most fifteen minutes. Every module verifies them locally with the public key.
 */
@Component
class JwtAccessTokens implements AccessTokens {

    private static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    private final JwtEncoder encoder;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    JwtAccessTokens(JwtEncoder encoder, @Value("${haven.security.jwt.issuer:haven}") String issuer,
            @Value("${haven.security.jwt.access-token-ttl:15m}") Duration lifetime, Clock clock) {
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalStateException("Access tokens live at most " + MAX_LIFETIME + ", not " + lifetime);
        }
        this.encoder = encoder;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public Issued issue(Account account) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(account.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("role", account.role().name())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        return new Issued(token, lifetime);
    }
}
