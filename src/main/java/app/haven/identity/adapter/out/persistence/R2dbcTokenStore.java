package app.haven.identity.adapter.out.persistence;

import static app.haven.identity.adapter.out.persistence.R2dbcAccountStore.instant;
import static app.haven.identity.adapter.out.persistence.R2dbcAccountStore.nullableTime;
import static app.haven.identity.adapter.out.persistence.R2dbcAccountStore.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import app.haven.identity.application.port.out.TokenStore;
import app.haven.identity.domain.OneTimeToken;
import app.haven.identity.domain.RefreshToken;
import app.haven.identity.domain.TokenPurpose;
import reactor.core.publisher.Mono;

@Repository
class R2dbcTokenStore implements TokenStore {

    private final DatabaseClient database;

    R2dbcTokenStore(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> addOneTime(OneTimeToken token) {
        return database.sql("""
                        INSERT INTO one_time_tokens (token_hash, account_id, purpose, expires_at, used_at)
                        VALUES (:hash, :accountId, :purpose, :expiresAt, :usedAt)""")
                .bind("hash", token.hash())
                .bind("accountId", token.accountId())
                .bind("purpose", token.purpose().name())
                .bind("expiresAt", utc(token.expiresAt()))
                .bind("usedAt", nullableTime(token.usedAt()))
                .then();
    }

    @Override
    public Mono<OneTimeToken> lockOneTime(String hash) {
        return database.sql("""
                        SELECT token_hash, account_id, purpose, expires_at, used_at
                        FROM one_time_tokens WHERE token_hash = :hash FOR UPDATE""")
                .bind("hash", hash)
                .map(row -> new OneTimeToken(row.get("token_hash", String.class), row.get("account_id", UUID.class),
                        TokenPurpose.valueOf(row.get("purpose", String.class)),
                        instant(row.get("expires_at", OffsetDateTime.class)),
                        instant(row.get("used_at", OffsetDateTime.class))))
                .one();
    }

    @Override
    public Mono<Void> markOneTimeUsed(String hash, Instant at) {
        return database.sql("UPDATE one_time_tokens SET used_at = :at WHERE token_hash = :hash")
                .bind("hash", hash).bind("at", utc(at)).then();
    }

    @Override
    public Mono<Void> addRefresh(RefreshToken token) {
        return database.sql("""
                        INSERT INTO refresh_tokens (token_hash, family_id, account_id, issued_at, expires_at)
                        VALUES (:hash, :familyId, :accountId, :issuedAt, :expiresAt)""")
                .bind("hash", token.hash())
                .bind("familyId", token.familyId())
                .bind("accountId", token.accountId())
                .bind("issuedAt", utc(token.issuedAt()))
                .bind("expiresAt", utc(token.expiresAt()))
                .then();
    }

    @Override
    public Mono<RefreshToken> lockRefresh(String hash) {
        return database.sql("""
                        SELECT token_hash, family_id, account_id, issued_at, expires_at, used_at, revoked_at
                        FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE""")
                .bind("hash", hash)
                .map(row -> new RefreshToken(row.get("token_hash", String.class), row.get("family_id", UUID.class),
                        row.get("account_id", UUID.class), instant(row.get("issued_at", OffsetDateTime.class)),
                        instant(row.get("expires_at", OffsetDateTime.class)),
                        instant(row.get("used_at", OffsetDateTime.class)),
                        instant(row.get("revoked_at", OffsetDateTime.class))))
                .one();
    }

    @Override
    public Mono<Void> markRefreshUsed(String hash, Instant at) {
        return database.sql("UPDATE refresh_tokens SET used_at = :at WHERE token_hash = :hash")
                .bind("hash", hash).bind("at", utc(at)).then();
    }

    @Override
    public Mono<Void> revokeFamily(UUID familyId, Instant at) {
        return database.sql("UPDATE refresh_tokens SET revoked_at = :at WHERE family_id = :familyId AND revoked_at IS NULL")
                .bind("familyId", familyId).bind("at", utc(at)).then();
    }

    @Override
    public Mono<Void> revokeAllOf(UUID accountId, Instant at) {
        return database.sql("UPDATE refresh_tokens SET revoked_at = :at WHERE account_id = :accountId AND revoked_at IS NULL")
                .bind("accountId", accountId).bind("at", utc(at)).then();
    }
}
