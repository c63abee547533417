package app.haven.support;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import io.rsocket.metadata.WellKnownMimeType;

/**
 * Connects to the running Haven over either RSocket transport, authenticating in the setup
 * frame as the mobile and web apps do.
 */
public final class RSocketClients {

    public static final MimeType AUTHENTICATION =
            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());

    public enum Transport { TCP, WEBSOCKET }

    private RSocketClients() {
    }

    public static RSocketRequester connect(RSocketRequester.Builder builder, RSocketStrategies strategies,
            Transport transport, int tcpPort, int httpPort, String token) {
        RSocketRequester.Builder configured = builder
                .rsocketStrategies(strategies.mutate().encoder(new BearerTokenAuthenticationEncoder()).build())
                .dataMimeType(MediaType.APPLICATION_JSON);
        if (token != null) {
            configured = configured.setupMetadata(new BearerTokenMetadata(token), AUTHENTICATION);
        }
        return transport == Transport.TCP
                ? configured.tcp("localhost", tcpPort)
                : configured.websocket(URI.create("ws://localhost:" + httpPort + "/rsocket"));
    }
}
