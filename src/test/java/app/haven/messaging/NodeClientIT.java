package app.haven.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.rsocket.server.LocalRSocketServerPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import app.haven.messaging.MessagingApi.Person;
import app.haven.support.HavenTest;
import app.haven.support.TestPeople;
import app.haven.support.TestTokens;

/**
 * An unmodified rsocket-js client (clients/node-smoke) connects with a bearer token over TCP and
 * over WebSocket, sends, and receives on its inbox. Needs Node.js and {@code npm ci} in that folder
 * ({@code .ci/run} does it); where either is missing the test is skipped and says why, so
 * {@code ./mvnw verify} still needs only a JDK.
 */
@HavenTest
class NodeClientIT {

    private static final Path CLIENT = Path.of("clients", "node-smoke");

    @Autowired WebTestClient http;
    @Autowired TestTokens tokens;
    @Autowired TestPeople people;
    @LocalRSocketServerPort int tcpPort;
    @LocalServerPort int httpPort;

    @Test
    void theRSocketJsClientSendsAndReceivesOverBothTransports() throws IOException, InterruptedException {
        assumeTrue(Files.isDirectory(CLIENT.resolve("node_modules")),
                "Skipped: run `npm ci` in clients/node-smoke first (.ci/run does) to test the rsocket-js client");
        assumeTrue(nodeAvailable(), "Skipped: Node.js is not installed, so the rsocket-js client cannot run");
        MessagingApi api = new MessagingApi(http, tokens, people);
        Person sender = api.therapist();
        Person recipient = api.therapist();
        String conversation = api.newDirectId(sender, recipient);

        ProcessBuilder node = new ProcessBuilder("node", "smoke.js").directory(CLIENT.toFile()).redirectErrorStream(true);
        node.environment().putAll(Map.of("HAVEN_HOST", "localhost", "HAVEN_TCP_PORT", String.valueOf(tcpPort),
                "HAVEN_HTTP_PORT", String.valueOf(httpPort), "HAVEN_SENDER_TOKEN", sender.token(),
                "HAVEN_RECIPIENT_TOKEN", recipient.token(), "HAVEN_CONVERSATION", conversation));
        Process process = node.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the client finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("\"transport\":\"tcp\"", "\"transport\":\"websocket\"", "\"cursor\":true");
        assertThat(api.history(recipient, conversation)).extracting(message -> message.get("content"))
                .containsExactly("hello from rsocket-js over websocket", "hello from rsocket-js over tcp");
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
