package app.haven.shared.security;

import java.text.ParseException;
import java.util.Map;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import com.nimbusds.jwt.JWTParser;

import reactor.core.publisher.Mono;

/**
 * Hands a bearer token to the verifier of the issuer it claims (Haven's own key, or the configured
 * external issuer's published keys). The claimed issuer only picks the verifier; the verifier then
 * checks signature, issuer, expiry. Tokens of any other issuer are refused.
 */
class IssuerRoutingAuthenticationManager implements ReactiveAuthenticationManager {

    private final Map<String, ReactiveAuthenticationManager> byIssuer;

    IssuerRoutingAuthenticationManager(Map<String, ReactiveAuthenticationManager> byIssuer) {
        this.byIssuer = Map.copyOf(byIssuer);
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return Mono.empty();
        }
        ReactiveAuthenticationManager verifier = byIssuer.get(claimedIssuer(bearer.getToken()));
        return verifier == null
                ? Mono.error(new InvalidBearerTokenException("The token's issuer is not trusted"))
                : verifier.authenticate(authentication);
    }

    private static String claimedIssuer(String token) {
        try {
            String issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
            return issuer == null ? "" : issuer;
        } catch (ParseException e) {
            throw new InvalidBearerTokenException("The bearer token is not a JWT");
        }
    }
}
