package app.haven.identity.application;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.identity.application.port.out.MailArchive;
import reactor.core.publisher.Flux;

/**
 * Lets a developer on the embedded mode read the mail Haven would have sent (there is no mail
 * server), to follow verification and reset links. Never available in production mode.
 */
@Service
public class DevMailbox {

    private static final int LIMIT = 50;

    private final MailArchive archive;

    DevMailbox(MailArchive archive) {
        this.archive = archive;
    }

    public Flux<Message> latest() {
        return archive.newestFirst(LIMIT)
                .map(mail -> new Message(mail.id(), mail.to(), mail.subject(), mail.body(), mail.createdAt()));
    }

    /** A mail as the dev outbox shows it. */
    public record Message(UUID id, String to, String subject, String body, Instant createdAt) {
    }
}
