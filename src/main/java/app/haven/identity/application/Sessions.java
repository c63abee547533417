package app.haven.identity.application;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import app.haven.identity.application.port.out.AccountStore;
import app.haven.identity.application.port.out.SecurityLog;
import app.haven.identity.application.port.out.TokenStore;
import app.haven.identity.domain.RefreshToken;
import app.haven.identity.domain.SecurityEvent;
import app.haven.identity.domain.SecurityEventType;
import app.haven.shared.Transactions;
import app.haven.shared.UnauthenticatedException;
import reactor.core.publisher.Mono;

/**
 * Refreshing and ending a sign-in. Every refresh replaces the refresh token; presenting a
 * replaced one means it was copied, so the whole sign-in (its token family) is revoked.
 */
@Service
public class Sessions {

    private static final String NOT_VALID = "This refresh token is not valid. Sign in again.";

    private final TokenStore tokens;
    private final AccountStore accounts;
    private final SecurityLog log;
    private final SessionTokens sessionTokens;
    private final Transactions transactions;
    private final Clock clock;

    Sessions(TokenStore tokens, AccountStore accounts, SecurityLog log, SessionTokens sessionTokens,
            Transactions transactions, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.log = log;
        this.sessionTokens = sessionTokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<SignedIn> refresh(String refreshToken, RequestOrigin origin) {
        String hash = Secrets.hash(refreshToken);
        Instant now = clock.instant();
        return transactions.commit(tokens.lockRefresh(hash).flatMap(stored -> stored.wasUsedOrRevoked()
                        ? revokeReused(stored, origin, now)
                        : rotate(stored, hash, origin, now)))
                .flatMap(outcome -> outcome.signedIn() == null
                        ? Mono.<SignedIn>error(new UnauthenticatedException(NOT_VALID))
                        : Mono.just(outcome.signedIn()))
                .switchIfEmpty(Mono.error(() -> new UnauthenticatedException(NOT_VALID)));
    }

    /** Ends the sign-in the refresh token belongs to. Unknown tokens end nothing, silently. */
    public Mono<Void> signOut(String refreshToken, RequestOrigin origin) {
        Instant now = clock.instant();
        return transactions.commit(tokens.lockRefresh(Secrets.hash(refreshToken))
                .flatMap(stored -> tokens.revokeFamily(stored.familyId(), now)
                        .then(log.record(SecurityEvent.of(SecurityEventType.SIGNED_OUT, stored.accountId(),
                                origin.address(), origin.userAgent(), now)))));
    }

    private Mono<Outcome> rotate(RefreshToken stored, String hash, RequestOrigin origin, Instant now) {
        if (stored.isExpired(now)) {
            return Mono.just(Outcome.REFUSED);
        }
        return accounts.byId(stored.accountId())
                .filter(account -> account.maySignIn())
                .flatMap(account -> tokens.markRefreshUsed(hash, now)
                        .then(log.record(SecurityEvent.of(SecurityEventType.TOKEN_REFRESHED, account.id(),
                                origin.address(), origin.userAgent(), now)))
                        .then(sessionTokens.issue(account, stored.familyId()))
                        .map(Outcome::new))
                .switchIfEmpty(tokens.revokeFamily(stored.familyId(), now).thenReturn(Outcome.REFUSED));
    }

    /** Committed before the caller is refused, so the revocation sticks. */
    private Mono<Outcome> revokeReused(RefreshToken stored, RequestOrigin origin, Instant now) {
        return tokens.revokeFamily(stored.familyId(), now)
                .then(log.record(SecurityEvent.of(SecurityEventType.REFRESH_TOKEN_REUSED, stored.accountId(),
                        origin.address(), origin.userAgent(), now)))
                .thenReturn(Outcome.REFUSED);
    }

    private record Outcome(SignedIn signedIn) {
        static final Outcome REFUSED = new Outcome(null);
    }
}
