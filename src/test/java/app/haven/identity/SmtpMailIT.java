package app.haven.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import app.haven.support.HavenTest;
import jakarta.mail.internet.MimeMessage;

/**
 * With mail configured, the verification mail written in the registration's transaction is sent
 * through SMTP and marked sent; while the server is down it waits in the outbox and is sent once
 * the server is back, never lost.
 */
@HavenTest
class SmtpMailIT {

    private static GreenMail smtp = new GreenMail(ServerSetup.SMTP.dynamicPort());
    private static final int PORT;

    static {
        smtp.start();
        PORT = smtp.getSmtp().getPort();
    }

    @Autowired WebTestClient http;
    @Autowired JdbcTemplate jdbc;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("haven.mail.relay-interval", () -> "300ms");
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Test
    void theVerificationMailIsSentThroughSmtpAndMarkedSent() {
        String email = "smtp-" + UUID.randomUUID() + "@example.org";

        http.post().uri("/api/v1/auth/register")
                .bodyValue(Map.of("email", email, "password", "a long enough password", "firstName", "Nora",
                        "lastName", "Lindqvist"))
                .exchange().expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(email).length == 1);
        MimeMessage mail = messagesTo(email)[0];
        assertThat(GreenMailUtil.getBody(mail)).contains("verify-email?token=");
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND sent_at IS NOT NULL", Integer.class, email) == 1);
    }

    @Test
    void mailWrittenWhileTheServerIsDownIsSentOnceItIsBack() throws InterruptedException {
        String email = "smtp-down-" + UUID.randomUUID() + "@example.org";
        smtp.stop();

        http.post().uri("/api/v1/auth/forgot-password").bodyValue(Map.of("email", email))
                .exchange().expectStatus().isAccepted();
        http.post().uri("/api/v1/auth/register")
                .bodyValue(Map.of("email", email, "password", "a long enough password", "firstName", "Omar",
                        "lastName", "Haddad"))
                .exchange().expectStatus().isCreated();
        Thread.sleep(1_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND sent_at IS NULL",
                Integer.class, email)).isEqualTo(1);

        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(email).length == 1);
    }

    private static MimeMessage[] messagesTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }
}
