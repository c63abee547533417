package app.haven.identity;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Mail to an account holder from another module (the portal's notifications), through identity's
 * own mail outbox: the same relay, the same dev outbox in embedded mode. Callers must never put
 * clinical content in it; a mail says that something happened and where to look, nothing more.
 */
public interface AccountMail {

    /** Queues the mail to the account's address; empty (nothing sent) for an unknown account. */
    Mono<Void> send(UUID accountId, String subject, String body);
}
