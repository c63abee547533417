package app.haven.identity.application.port.out;

import java.time.Instant;
import java.util.UUID;

import app.haven.identity.domain.OneTimeToken;
import app.haven.identity.domain.RefreshToken;
import reactor.core.publisher.Mono;

/** Mailed single-use tokens and refresh tokens, stored only as hashes. */
public interface TokenStore {

    Mono<Void> addOneTime(OneTimeToken token);

    /** The token with this hash, locked for the rest of the transaction so it is used once. */
    Mono<OneTimeToken> lockOneTime(String hash);

    Mono<Void> markOneTimeUsed(String hash, Instant at);

    Mono<Void> addRefresh(RefreshToken token);

    /** The refresh token with this hash, locked for the rest of the transaction. */
    Mono<RefreshToken> lockRefresh(String hash);

    Mono<Void> markRefreshUsed(String hash, Instant at);

    Mono<Void> revokeFamily(UUID familyId, Instant at);

    Mono<Void> revokeAllOf(UUID accountId, Instant at);
}
