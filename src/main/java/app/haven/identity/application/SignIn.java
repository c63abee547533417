package app.haven.identity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.identity.application.port.out.AccountStore;
import app.haven.identity.application.port.out.Passwords;
import app.haven.identity.application.port.out.SecurityLog;
import app.haven.identity.domain.Account;
import app.haven.identity.domain.AccountStatus;
import app.haven.identity.domain.EmailAddress;
import app.haven.identity.domain.SecurityEvent;
import app.haven.identity.domain.SecurityEventType;
import app.haven.shared.ForbiddenException;
import app.haven.shared.Transactions;
import app.haven.shared.UnauthenticatedException;
import reactor.core.publisher.Mono;

/**
 * Sign-in with email and password. An unknown email answers exactly like a wrong password, after
 * the same hashing work; too many failures, per account or per network address, are refused
 * before any password is checked.
 */
@Service
public class SignIn {

    static final String WRONG_CREDENTIALS = "The email or the password is wrong.";

    private final AccountStore accounts;
    private final Passwords passwords;
    private final SecurityLog log;
    private final Throttle throttle;
    private final SessionTokens sessionTokens;
    private final Transactions transactions;
    private final Clock clock;

    SignIn(AccountStore accounts, Passwords passwords, SecurityLog log, Throttle throttle, SessionTokens sessionTokens,
            Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.log = log;
        this.throttle = throttle;
        this.sessionTokens = sessionTokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<SignedIn> signIn(String email, String password, RequestOrigin origin) {
        EmailAddress address = EmailAddress.of(email);
        return throttle.failedSignInsFrom(origin)
                .then(accounts.byEmail(address))
                .flatMap(account -> attempt(account, password, origin))
                .switchIfEmpty(Mono.defer(() -> passwords.matchNothing(password)
                        .then(failed(null, origin))));
    }

    private Mono<SignedIn> attempt(Account account, String password, RequestOrigin origin) {
        return throttle.failedSignInsFor(account.id())
                .then(passwords.matches(password, account.passwordHash()))
                .flatMap(matches -> {
                    if (!matches) {
                        return failed(account.id(), origin);
                    }
                    if (!account.maySignIn()) {
                        return Mono.error(new ForbiddenException(account.status() == AccountStatus.PENDING_VERIFICATION
                                ? "Confirm your email address first: follow the link in the mail we sent."
                                : "This account cannot sign in. Contact the practice."));
                    }
                    Instant now = clock.instant();
                    return transactions.commit(log.record(SecurityEvent.of(SecurityEventType.SIGN_IN_SUCCEEDED,
                                    account.id(), origin.address(), origin.userAgent(), now))
                            .then(sessionTokens.issue(account, UUID.randomUUID())));
                });
    }

    private Mono<SignedIn> failed(UUID accountId, RequestOrigin origin) {
        Instant now = clock.instant();
        Mono<Void> recorded = log.record(SecurityEvent.of(SecurityEventType.SIGN_IN_FAILED, accountId,
                origin.address(), origin.userAgent(), now));
        if (accountId != null) {
            recorded = recorded.then(throttle.reachedLimit(accountId)).flatMap(locked -> locked
                    ? log.record(SecurityEvent.of(SecurityEventType.SIGN_IN_LOCKED_OUT, accountId, origin.address(),
                            origin.userAgent(), now))
                    : Mono.empty());
        }
        return transactions.commit(recorded).then(Mono.error(new UnauthenticatedException(WRONG_CREDENTIALS)));
    }
}
