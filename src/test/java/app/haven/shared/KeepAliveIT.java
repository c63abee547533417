package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.haven.support.HavenTest;

/**
 * An app keeps its HTTP/1.1 connection open and sends its next request as soon as it has the
 * answer, sometimes before Haven has finished with the previous one. Reactor Netty up to 1.3.7
 * could then stop reading that connection for good (reactor-netty#4347, #4361): the next request
 * was never answered. It showed as requests in this suite that went unanswered for 12 s.
 */
@HavenTest
class KeepAliveIT {

    private static final int CONNECTIONS = 30;
    private static final int PATIENCE_MILLIS = 5_000;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    @LocalServerPort int port;

    @Test
    void aConnectionKeepsAnsweringAfterARequestQueuedBehindASlowerOne() throws IOException {
        List<String> unanswered = new ArrayList<>();
        for (int attempt = 0; attempt < CONNECTIONS; attempt++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(PATIENCE_MILLIS);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                // answered after a store round trip, then at once by the security filter
                out.write((request("/actuator/health") + request("/api/v1/conversations"))
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
                assertThat(readResponse(in)).startsWith("HTTP/1.1 401");

                out.write(request("/actuator/health").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                try {
                    assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
                } catch (SocketTimeoutException e) {
                    unanswered.add("connection " + attempt);
                }
            }
        }
        assertThat(unanswered).as("requests left unanswered on a kept-alive connection").isEmpty();
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n";
    }

    /** One whole response: status line, headers and the body its Content-Length announces. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(next);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        Matcher length = CONTENT_LENGTH.matcher(headers);
        assertThat(length.find()).as("a Content-Length in %s", headers).isTrue();
        in.readNBytes(Integer.parseInt(length.group(1)));
        return headers;
    }
}
