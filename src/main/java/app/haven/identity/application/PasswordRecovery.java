package app.haven.identity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

import app.haven.identity.application.port.out.AccountStore;
import app.haven.identity.application.port.out.Mailer;
import app.haven.identity.application.port.out.Passwords;
import app.haven.identity.application.port.out.SecurityLog;
import app.haven.identity.application.port.out.TokenStore;
import app.haven.identity.domain.Account;
import app.haven.identity.domain.AccountStatus;
import app.haven.identity.domain.EmailAddress;
import app.haven.identity.domain.OneTimeToken;
import app.haven.identity.domain.PasswordPolicy;
import app.haven.identity.domain.SecurityEvent;
import app.haven.identity.domain.SecurityEventType;
import app.haven.identity.domain.TokenPurpose;
import app.haven.shared.InvalidInputException;
import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/**
 * Forgotten passwords: a single-use link by mail, valid for an hour. The request answers the same
 * whether or not the email has an account; a reset ends every sign-in of the account.
 */
@Service
public class PasswordRecovery {

    private final AccountStore accounts;
    private final TokenStore tokens;
    private final Passwords passwords;
    private final Mailer mailer;
    private final SecurityLog log;
    private final Throttle throttle;
    private final Transactions transactions;
    private final IdentityProperties properties;
    private final Clock clock;

    PasswordRecovery(AccountStore accounts, TokenStore tokens, Passwords passwords, Mailer mailer, SecurityLog log,
            Throttle throttle, Transactions transactions, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.mailer = mailer;
        this.log = log;
        this.throttle = throttle;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Void> requestReset(String email, RequestOrigin origin) {
        EmailAddress address = EmailAddress.of(email);
        Instant now = clock.instant();
        return throttle.resetRequestsFrom(origin).then(transactions.commit(accounts.byEmail(address)
                .filter(account -> account.status() != AccountStatus.DISABLED)
                .flatMap(account -> {
                    String token = Secrets.newToken();
                    return tokens.addOneTime(new OneTimeToken(Secrets.hash(token), account.id(),
                                    TokenPurpose.RESET_PASSWORD, now.plus(TokenPurpose.RESET_PASSWORD.lifetime()), null))
                            .then(mailer.send(resetMail(account, token)))
                            .thenReturn(account.id());
                })
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(accountId -> log.record(SecurityEvent.of(SecurityEventType.PASSWORD_RESET_REQUESTED,
                        accountId.orElse(null), origin.address(), origin.userAgent(), now)))));
    }

    public Mono<Void> reset(String token, String newPassword, RequestOrigin origin) {
        PasswordPolicy.check(newPassword);
        String hash = Secrets.hash(token);
        return passwords.hash(newPassword).flatMap(passwordHash -> {
            Instant now = clock.instant();
            return transactions.commit(tokens.lockOneTime(hash)
                    .filter(stored -> stored.isUsableFor(TokenPurpose.RESET_PASSWORD, now))
                    .switchIfEmpty(Mono.error(() -> new InvalidInputException(
                            "This reset link is not valid: it was used already, or it expired")))
                    .flatMap(stored -> accounts.byId(stored.accountId()))
                    .flatMap(account -> accounts.update(account.withPasswordHash(passwordHash, now).verified(now))
                            .then(tokens.markOneTimeUsed(hash, now))
                            .then(tokens.revokeAllOf(account.id(), now))
                            .then(log.record(SecurityEvent.of(SecurityEventType.PASSWORD_RESET, account.id(),
                                    origin.address(), origin.userAgent(), now)))));
        });
    }

    private Mailer.Mail resetMail(Account account, String token) {
        return new Mailer.Mail(account.email().value(), "Reset your Haven password", """
                Hello %s,

                Someone asked to reset the password of your Haven account. To choose a new one:
                %s/reset-password?token=%s

                The link works once, for one hour. If it was not you, ignore this mail: your
                password stays as it is.
                """.formatted(account.firstName(), properties.publicUrl(), token));
    }
}
