package app.haven.shared.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import app.haven.shared.Caller;

/**
 * A verified token together with the caller it names, read once when the token is accepted,
 * whichever issuer signed it.
 */
class CallerAuthentication extends JwtAuthenticationToken {

    private final transient Caller caller;

    CallerAuthentication(Jwt jwt, Caller caller) {
        super(jwt, List.of(new SimpleGrantedAuthority(caller.role().authority())), caller.id().toString());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }
}
