package app.haven.identity.application;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import app.haven.identity.AccountRegistered;
import app.haven.identity.application.port.out.AccountStore;
import app.haven.identity.application.port.out.Mailer;
import app.haven.identity.application.port.out.Passwords;
import app.haven.identity.application.port.out.SecurityLog;
import app.haven.identity.application.port.out.TokenStore;
import app.haven.identity.domain.Account;
import app.haven.identity.domain.EmailAddress;
import app.haven.identity.domain.OneTimeToken;
import app.haven.identity.domain.PasswordPolicy;
import app.haven.identity.domain.SecurityEvent;
import app.haven.identity.domain.SecurityEventType;
import app.haven.identity.domain.TokenPurpose;
import app.haven.shared.EventOutbox;
import app.haven.shared.Role;
import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/**
 * New accounts: clients register themselves and confirm their email; an administrator creates
 * therapists, staff and other administrators. Either way other modules hear of it.
 */
@Service
public class Registration {

    private final AccountStore accounts;
    private final TokenStore tokens;
    private final Passwords passwords;
    private final Mailer mailer;
    private final SecurityLog log;
    private final Throttle throttle;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final IdentityProperties properties;
    private final Clock clock;

    Registration(AccountStore accounts, TokenStore tokens, Passwords passwords, Mailer mailer, SecurityLog log,
            Throttle throttle, EventOutbox outbox, Transactions transactions, IdentityProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.mailer = mailer;
        this.log = log;
        this.throttle = throttle;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Self-registration: a client, who must confirm the email before signing in. */
    public Mono<Account> register(Register command, RequestOrigin origin) {
        EmailAddress email = EmailAddress.of(command.email());
        PasswordPolicy.check(command.password());
        return throttle.registrationsFrom(origin)
                .then(passwords.hash(command.password()))
                .flatMap(hash -> {
                    Instant now = clock.instant();
                    Account account = Account.registered(email, command.firstName(), command.lastName(), hash, now);
                    String token = Secrets.newToken();
                    return transactions.commit(accounts.add(account)
                            .then(tokens.addOneTime(new OneTimeToken(Secrets.hash(token), account.id(),
                                    TokenPurpose.VERIFY_EMAIL, now.plus(TokenPurpose.VERIFY_EMAIL.lifetime()), null)))
                            .then(mailer.send(verificationMail(account, token)))
                            .then(log.record(SecurityEvent.of(SecurityEventType.REGISTERED, account.id(),
                                    origin.address(), origin.userAgent(), now)))
                            .then(outbox.stage(new AccountRegistered(account.id(), account.role())))
                            .thenReturn(account));
                });
    }

    /** An administrator creates an account of any role, active at once. */
    public Mono<Account> create(Create command, RequestOrigin origin) {
        EmailAddress email = EmailAddress.of(command.email());
        PasswordPolicy.check(command.password());
        return passwords.hash(command.password()).flatMap(hash -> {
            Instant now = clock.instant();
            Account account = Account.created(email, command.firstName(), command.lastName(), command.role(), hash, now);
            return transactions.commit(accounts.add(account)
                    .then(log.record(SecurityEvent.of(SecurityEventType.ACCOUNT_CREATED, account.id(),
                            origin.address(), origin.userAgent(), now)))
                    .then(outbox.stage(new AccountRegistered(account.id(), account.role())))
                    .thenReturn(account));
        });
    }

    private Mailer.Mail verificationMail(Account account, String token) {
        return new Mailer.Mail(account.email().value(), "Confirm your email for Haven", """
                Hello %s,

                Please confirm this email address for your Haven account:
                %s/verify-email?token=%s

                The link works once, for 24 hours. If you did not register, ignore this mail.
                """.formatted(account.firstName(), properties.publicUrl(), token));
    }

    public record Register(String email, String password, String firstName, String lastName) {
    }

    public record Create(String email, String password, String firstName, String lastName, Role role) {
    }
}
