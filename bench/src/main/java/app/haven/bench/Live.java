package app.haven.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.ClientTransport;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.client.WebsocketClientTransport;
import io.rsocket.util.DefaultPayload;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.tcp.TcpClient;

/**
 * RSocket connections to Haven as its apps make them: JSON data, composite metadata, the bearer
 * token in the setup frame and a route on every request. Plain rsocket-java, so the harness spends
 * as little of the shared CPU as it can on its own side.
 */
final class Live {

    enum Transport { TCP, WEBSOCKET }

    private final int httpPort;
    private final int tcpPort;

    Live(int httpPort, int tcpPort) {
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
    }

    Mono<RSocket> connect(Transport transport, String token) {
        // a connection of its own each: Reactor Netty's shared pools (TcpClient.create(), HttpClient.create())
        // hold at most 500 connections and make the 501st wait 45 s, then fail
        ClientTransport client = transport == Transport.TCP
                ? TcpClientTransport.create(TcpClient.newConnection().host("127.0.0.1").port(tcpPort))
                : WebsocketClientTransport.create(HttpClient.newConnection().host("127.0.0.1").port(httpPort), "/rsocket");
        ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
        CompositeByteBuf setup = allocator.compositeBuffer();
        CompositeMetadataCodec.encodeAndAddMetadata(setup, allocator, WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION,
                AuthMetadataCodec.encodeBearerMetadata(allocator, token.toCharArray()));
        return RSocketConnector.create()
                .metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
                .dataMimeType("application/json")
                .setupPayload(DefaultPayload.create(Unpooled.EMPTY_BUFFER, setup))
                .connect(client);
    }

    static Flux<String> stream(RSocket rsocket, String route) {
        return rsocket.requestStream(request(route, "")).map(Live::data);
    }

    static Mono<String> requestResponse(RSocket rsocket, String route, String json) {
        return rsocket.requestResponse(request(route, json)).map(Live::data);
    }

    static Payload request(String route, String json) {
        ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
        CompositeByteBuf metadata = allocator.compositeBuffer();
        CompositeMetadataCodec.encodeAndAddMetadata(metadata, allocator, WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
                TaggingMetadataCodec.createRoutingMetadata(allocator, List.of(route)).getContent());
        ByteBuf data = json.isEmpty() ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        return DefaultPayload.create(data, metadata);
    }

    private static String data(Payload payload) {
        try {
            return payload.getDataUtf8();
        } finally {
            payload.release();
        }
    }
}
