package app.haven.identity.application;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import app.haven.identity.EmailVerified;
import app.haven.identity.application.port.out.AccountStore;
import app.haven.identity.application.port.out.SecurityLog;
import app.haven.identity.application.port.out.TokenStore;
import app.haven.identity.domain.SecurityEvent;
import app.haven.identity.domain.SecurityEventType;
import app.haven.identity.domain.TokenPurpose;
import app.haven.shared.EventOutbox;
import app.haven.shared.InvalidInputException;
import app.haven.shared.Transactions;
import reactor.core.publisher.Mono;

/** The account holder confirms their email with the token from the verification mail. */
@Service
public class EmailVerification {

    private final AccountStore accounts;
    private final TokenStore tokens;
    private final SecurityLog log;
    private final EventOutbox outbox;
    private final Transactions transactions;
    private final Clock clock;

    EmailVerification(AccountStore accounts, TokenStore tokens, SecurityLog log, EventOutbox outbox,
            Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.log = log;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Void> verify(String token, RequestOrigin origin) {
        Instant now = clock.instant();
        String hash = Secrets.hash(token);
        return transactions.commit(tokens.lockOneTime(hash)
                .filter(stored -> stored.isUsableFor(TokenPurpose.VERIFY_EMAIL, now))
                .switchIfEmpty(Mono.error(() -> new InvalidInputException(
                        "This confirmation link is not valid: it was used already, or it expired")))
                .flatMap(stored -> accounts.byId(stored.accountId()))
                .flatMap(account -> accounts.update(account.verified(now))
                        .then(tokens.markOneTimeUsed(hash, now))
                        .then(log.record(SecurityEvent.of(SecurityEventType.EMAIL_VERIFIED, account.id(),
                                origin.address(), origin.userAgent(), now)))
                        .then(outbox.stage(new EmailVerified(account.id())))));
    }
}
