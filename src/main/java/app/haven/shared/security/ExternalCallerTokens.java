package app.haven.shared.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import app.haven.shared.Caller;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/** Reads the caller from a verified token of the external issuer, by the configured claims. */
final class ExternalCallerTokens {

    private final ExternalIssuerProperties properties;

    ExternalCallerTokens(ExternalIssuerProperties properties) {
        this.properties = properties;
    }

    Mono<AbstractAuthenticationToken> authenticate(Jwt jwt) {
        return Mono.just(new CallerAuthentication(jwt, new Caller(accountId(jwt), role(jwt))));
    }

    private UUID accountId(Jwt jwt) {
        try {
            return UUID.fromString(String.valueOf(jwt.getClaims().get(properties.accountIdClaim())));
        } catch (IllegalArgumentException e) {
            throw new BadJwtException("The token does not name a Haven account");
        }
    }

    private Role role(Jwt jwt) {
        return values(claim(jwt.getClaims(), properties.roleClaim())).stream()
                .map(value -> roleNamed(String.valueOf(value)))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new BadJwtException("The token carries no Haven role"));
    }

    private static Object claim(Map<String, Object> claims, String dottedPath) {
        Object current = claims;
        for (String step : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    private static Collection<?> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many;
        }
        return claim == null ? List.of() : List.of(claim);
    }

    private static Optional<Role> roleNamed(String value) {
        try {
            return Optional.of(Role.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
