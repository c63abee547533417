package app.haven.identity.application.port.out;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Flux;

/** The mail Haven has written, newest first: what the embedded mode's dev outbox shows. */
public interface MailArchive {

    Flux<ArchivedMail> newestFirst(int limit);

    record ArchivedMail(UUID id, String to, String subject, String body, Instant createdAt, Instant sentAt) {
    }
}
