package app.haven.identity.application.port.out;

import reactor.core.publisher.Mono;

/**
 * Sends mail to account holders. What goes through it is about the account only (verification,
 * password reset): never clinical content.
 */
public interface Mailer {

    Mono<Void> send(Mail mail);

    record Mail(String to, String subject, String body) {
    }
}
