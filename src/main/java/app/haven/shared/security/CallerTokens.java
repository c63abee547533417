package app.haven.shared.security;

import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import app.haven.shared.Caller;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/**
 * Reads the caller from one of Haven's own verified tokens: the subject is the account id, the
 * {@code role} claim the role. A token without both is refused, as if it were forged.
 */
final class CallerTokens {

    static final String ROLE_CLAIM = "role";

    private CallerTokens() {
    }

    static Mono<AbstractAuthenticationToken> authenticate(Jwt jwt) {
        return Mono.just(new CallerAuthentication(jwt, caller(jwt)));
    }

    static Caller caller(Jwt jwt) {
        try {
            return new Caller(UUID.fromString(jwt.getSubject()), Role.valueOf(jwt.getClaimAsString(ROLE_CLAIM)));
        } catch (RuntimeException e) {
            throw new BadJwtException("The token does not name an account and its role");
        }
    }
}
