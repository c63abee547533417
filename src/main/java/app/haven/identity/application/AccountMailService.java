package app.haven.identity.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.identity.AccountMail;
import app.haven.identity.application.port.out.AccountStore;
import app.haven.identity.application.port.out.Mailer;
import reactor.core.publisher.Mono;

@Service
class AccountMailService implements AccountMail {

    private final AccountStore accounts;
    private final Mailer mailer;

    AccountMailService(AccountStore accounts, Mailer mailer) {
        this.accounts = accounts;
        this.mailer = mailer;
    }

    @Override
    public Mono<Void> send(UUID accountId, String subject, String body) {
        return accounts.byId(accountId)
                .flatMap(account -> mailer.send(new Mailer.Mail(account.email().value(), subject, body)));
    }
}
