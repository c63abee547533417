package app.haven.identity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.haven.identity.application.port.out.AccessTokens;
import app.haven.identity.application.port.out.TokenStore;
import app.haven.identity.domain.Account;
import app.haven.identity.domain.RefreshToken;
import reactor.core.publisher.Mono;

/** Issues a token pair: a signed access token and a refresh token of the given family. */
@Component
class SessionTokens {

    private final TokenStore tokens;
    private final AccessTokens accessTokens;
    private final IdentityProperties properties;
    private final Clock clock;

    SessionTokens(TokenStore tokens, AccessTokens accessTokens, IdentityProperties properties, Clock clock) {
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** Must run inside the transaction that records the sign-in or the refresh. */
    Mono<SignedIn> issue(Account account, UUID familyId) {
        Instant now = clock.instant();
        String refresh = Secrets.newToken();
        AccessTokens.Issued access = accessTokens.issue(account);
        return tokens.addRefresh(new RefreshToken(Secrets.hash(refresh), familyId, account.id(), now,
                        now.plus(properties.refreshTokenLifetime()), null, null))
                .thenReturn(new SignedIn(access.value(), access.lifetime(), refresh, account));
    }
}
