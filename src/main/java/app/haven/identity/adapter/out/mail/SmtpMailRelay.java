package app.haven.identity.adapter.out.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the mail outbox through SMTP when {@code spring.mail.host} is configured. Each mail is
 * locked while it is sent (several instances never send one twice) and marked sent only after
 * the server took it; a failure leaves it for the next round. Blocking, on the scheduler's thread.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class SmtpMailRelay {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailRelay.class);
    private static final int BATCH = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JavaMailSender sender;
    private final String from;

    SmtpMailRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, JavaMailSender sender,
            @Value("${haven.mail.from:Haven <no-reply@haven.local>}") String from) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.sender = sender;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${haven.mail.relay-interval:5s}")
    void relay() {
        transaction.executeWithoutResult(status -> {
            List<Pending> pending = jdbc.query("""
                    SELECT id, recipient, subject, body FROM mail_outbox WHERE sent_at IS NULL
                    ORDER BY position FETCH FIRST %d ROWS ONLY FOR UPDATE SKIP LOCKED""".formatted(BATCH),
                    (rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("body")));
            for (Pending mail : pending) {
                try {
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(from);
                    message.setTo(mail.to());
                    message.setSubject(mail.subject());
                    message.setText(mail.body());
                    sender.send(message);
                    jdbc.update("UPDATE mail_outbox SET sent_at = ? WHERE id = ?", Timestamp.from(Instant.now()),
                            mail.id());
                } catch (MailException e) {
                    log.warn("Mail {} could not be sent; it stays in the outbox for the next round", mail.id(), e);
                }
            }
        });
    }

    private record Pending(UUID id, String to, String subject, String body) {
    }
}
