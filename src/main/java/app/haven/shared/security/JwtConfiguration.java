package app.haven.shared.security;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/**
 * Tokens are verified locally against Haven's public key: no database lookup per request.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    @Bean
    RSAKey tokenSigningKey(JwtProperties properties) {
        return SigningKeys.load(properties);
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey tokenSigningKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(tokenSigningKey)));
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(RSAKey tokenSigningKey, JwtProperties properties) throws JOSEException {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(tokenSigningKey.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull)));
        return decoder;
    }

    /**
     * Verifies bearer tokens for HTTP and RSocket alike: Haven's own, and, when
     * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set, the external issuer's
     * (its keys are discovered from the issuer on first use).
     */
    @Bean
    ReactiveAuthenticationManager bearerTokenAuthenticationManager(ReactiveJwtDecoder jwtDecoder,
            JwtProperties properties, ExternalIssuerProperties external,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String externalIssuer) {
        JwtReactiveAuthenticationManager own = new JwtReactiveAuthenticationManager(jwtDecoder);
        own.setJwtAuthenticationConverter(CallerTokens::authenticate);
        Map<String, ReactiveAuthenticationManager> byIssuer = new HashMap<>(Map.of(properties.issuer(), own));
        if (!externalIssuer.isBlank()) {
            JwtReactiveAuthenticationManager theirs = new JwtReactiveAuthenticationManager(
                    NimbusReactiveJwtDecoder.withIssuerLocation(externalIssuer).build());
            theirs.setJwtAuthenticationConverter(new ExternalCallerTokens(external)::authenticate);
            byIssuer.put(externalIssuer, theirs);
        }
        return new IssuerRoutingAuthenticationManager(byIssuer);
    }
}
