package app.haven.shared.security;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the token signing key comes from and what Haven's own tokens look like.
 *
 * @param jwk          the signing key as a JSON Web Key (RSA, private part included), typically
 *                     from the environment ({@code HAVEN_SECURITY_JWT_JWK}); wins over the file
 * @param keyFile      where the key is kept when none is configured (under the data directory);
 *                     generated there on first start
 * @param issuer       the {@code iss} claim of Haven's tokens, checked on every token
 * @param accessTokenTtl how long an access token is valid
 */
@ConfigurationProperties("haven.security.jwt")
record JwtProperties(
        String jwk,
        Path keyFile,
        @DefaultValue("haven") String issuer,
        @DefaultValue("15m") Duration accessTokenTtl) {
}
