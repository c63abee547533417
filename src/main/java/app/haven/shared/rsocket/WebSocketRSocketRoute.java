package app.haven.shared.rsocket;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;

import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.server.WebsocketRouteTransport;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Serves RSocket over WebSocket on the HTTP port, beside the TCP server Boot starts from
 * {@code spring.rsocket.server.port}: Boot serves only one of the two from properties, and
 * browsers need the one, mobile apps the other. Both use the same responder and the same server
 * customizers, security included.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketRSocketRoute {

    @Bean
    NettyRouteProvider rsocketWebSocketRoute(RSocketMessageHandler messageHandler,
            ObjectProvider<RSocketServerCustomizer> customizers,
            @Value("${haven.rsocket.websocket-path:/rsocket}") String path) {
        return routes -> {
            RSocketServer server = RSocketServer.create(messageHandler.responder());
            customizers.orderedStream().forEach(customizer -> customizer.customize(server));
            return routes.ws(path, WebsocketRouteTransport.newHandler(server.asConnectionAcceptor()),
                    WebsocketServerSpec.builder().build());
        };
    }
}
