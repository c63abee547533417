package app.haven.identity.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import app.haven.identity.application.port.out.AccountStore;
import app.haven.identity.domain.Account;
import app.haven.identity.domain.AccountStatus;
import app.haven.identity.domain.EmailAddress;
import app.haven.shared.ConflictException;
import app.haven.shared.Role;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcAccountStore implements AccountStore {

    private static final String COLUMNS = """
            id, email, first_name, last_name, role, status, password_hash, email_verified_at, created_at, updated_at""";

    private final DatabaseClient database;

    R2dbcAccountStore(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Account> byId(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = :id").bind("id", id)
                .map(R2dbcAccountStore::account).one();
    }

    @Override
    public Mono<Account> byEmail(EmailAddress email) {
        return database.sql("SELECT " + COLUMNS + " FROM accounts WHERE email = :email").bind("email", email.value())
                .map(R2dbcAccountStore::account).one();
    }

    @Override
    public Flux<Account> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Flux.empty()
                : database.sql("SELECT " + COLUMNS + " FROM accounts WHERE id IN (:ids)").bind("ids", List.copyOf(ids))
                        .map(R2dbcAccountStore::account).all();
    }

    @Override
    public Mono<Void> add(Account account) {
        return database.sql("""
                        INSERT INTO accounts (id, email, first_name, last_name, role, status, password_hash,
                                              email_verified_at, created_at, updated_at)
                        VALUES (:id, :email, :firstName, :lastName, :role, :status, :passwordHash,
                                :emailVerifiedAt, :createdAt, :updatedAt)""")
                .bind("id", account.id())
                .bind("email", account.email().value())
                .bind("firstName", account.firstName())
                .bind("lastName", account.lastName())
                .bind("role", account.role().name())
                .bind("status", account.status().name())
                .bind("passwordHash", account.passwordHash())
                .bind("emailVerifiedAt", nullableTime(account.emailVerifiedAt()))
                .bind("createdAt", utc(account.createdAt()))
                .bind("updatedAt", utc(account.updatedAt()))
                .then()
                .onErrorMap(DuplicateKeyException.class,
                        e -> new ConflictException("An account with this email address exists already"));
    }

    @Override
    public Mono<Void> update(Account account) {
        return database.sql("""
                        UPDATE accounts SET first_name = :firstName, last_name = :lastName, status = :status,
                               password_hash = :passwordHash, email_verified_at = :emailVerifiedAt,
                               updated_at = :updatedAt
                        WHERE id = :id""")
                .bind("id", account.id())
                .bind("firstName", account.firstName())
                .bind("lastName", account.lastName())
                .bind("status", account.status().name())
                .bind("passwordHash", account.passwordHash())
                .bind("emailVerifiedAt", nullableTime(account.emailVerifiedAt()))
                .bind("updatedAt", utc(account.updatedAt()))
                .then();
    }

    @Override
    public Mono<Boolean> anyWithRole(Role role) {
        return database.sql("SELECT COUNT(*) AS n FROM accounts WHERE role = :role").bind("role", role.name())
                .map(row -> row.get("n", Long.class)).one().map(count -> count > 0);
    }

    @Override
    public Flux<Account> search(String text, Set<Role> roles, Set<UUID> ids, UUID excluded, int limit) {
        if (roles.isEmpty() && ids.isEmpty()) {
            return Flux.empty();
        }
        List<String> scope = new ArrayList<>();
        if (!roles.isEmpty()) {
            scope.add("role IN (:roles)");
        }
        if (!ids.isEmpty()) {
            scope.add("id IN (:ids)");
        }
        var spec = database.sql("SELECT " + COLUMNS + """
                         FROM accounts
                        WHERE status = 'ACTIVE' AND id <> :excluded
                          AND (LOWER(first_name) LIKE :pattern ESCAPE '\\' OR LOWER(last_name) LIKE :pattern ESCAPE '\\'
                               OR email LIKE :pattern ESCAPE '\\')
                          AND (%s)
                        ORDER BY last_name, first_name, id
                        FETCH FIRST %d ROWS ONLY""".formatted(String.join(" OR ", scope), limit))
                .bind("excluded", excluded)
                .bind("pattern", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        if (!roles.isEmpty()) {
            spec = spec.bind("roles", roles.stream().map(Role::name).toList());
        }
        if (!ids.isEmpty()) {
            spec = spec.bind("ids", List.copyOf(ids));
        }
        return spec.map(R2dbcAccountStore::account).all();
    }

    @Override
    public Flux<UUID> idsMatching(String text, Role role, int limit) {
        return database.sql("""
                        SELECT id FROM accounts
                        WHERE role = :role
                          AND (LOWER(first_name) LIKE :pattern ESCAPE '\\' OR LOWER(last_name) LIKE :pattern ESCAPE '\\'
                               OR email LIKE :pattern ESCAPE '\\')
                        FETCH FIRST %d ROWS ONLY""".formatted(limit))
                .bind("role", role.name())
                .bind("pattern", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%")
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Account account(Readable row) {
        return new Account(row.get("id", UUID.class), new EmailAddress(row.get("email", String.class)),
                row.get("first_name", String.class), row.get("last_name", String.class),
                Role.valueOf(row.get("role", String.class)), AccountStatus.valueOf(row.get("status", String.class)),
                row.get("password_hash", String.class), instant(row.get("email_verified_at", OffsetDateTime.class)),
                instant(row.get("created_at", OffsetDateTime.class)), instant(row.get("updated_at", OffsetDateTime.class)));
    }

    static Object nullableTime(Instant instant) {
        return instant == null ? Parameters.in(OffsetDateTime.class) : utc(instant);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
