package app.haven.identity.application;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import app.haven.identity.application.port.out.AccountStore;
import app.haven.identity.application.port.out.Passwords;
import app.haven.identity.application.port.out.SecurityLog;
import app.haven.identity.application.port.out.TokenStore;
import app.haven.identity.domain.PasswordPolicy;
import app.haven.identity.domain.SecurityEvent;
import app.haven.identity.domain.SecurityEventType;
import app.haven.shared.Caller;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;
import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/**
 * A signed-in person changes their password, knowing the current one. Every refresh token of the
 * account stops working, so other devices must sign in again.
 */
@Service
public class ChangePassword {

    private final AccountStore accounts;
    private final TokenStore tokens;
    private final Passwords passwords;
    private final SecurityLog log;
    private final Transactions transactions;
    private final Clock clock;

    ChangePassword(AccountStore accounts, TokenStore tokens, Passwords passwords, SecurityLog log,
            Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Void> change(Caller caller, String currentPassword, String newPassword, RequestOrigin origin) {
        PasswordPolicy.check(newPassword);
        return accounts.byId(caller.id())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Account")))
                .flatMap(account -> passwords.matches(currentPassword, account.passwordHash())
                        .filter(Boolean::booleanValue)
                        .switchIfEmpty(Mono.error(() -> new InvalidInputException("The current password is wrong")))
                        .then(passwords.hash(newPassword))
                        .flatMap(hash -> {
                            Instant now = clock.instant();
                            return transactions.commit(accounts.update(account.withPasswordHash(hash, now))
                                    .then(tokens.revokeAllOf(account.id(), now))
                                    .then(log.record(SecurityEvent.of(SecurityEventType.PASSWORD_CHANGED,
                                            account.id(), origin.address(), origin.userAgent(), now))));
                        }));
    }
}
