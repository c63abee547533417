package app.haven.identity.adapter.in.web;

import java.net.InetSocketAddress;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

import app.haven.identity.application.RequestOrigin;

/**
 * The network address and client a request came from. Behind a proxy, enable
 * {@code server.forward-headers-strategy=framework} so the address is the client's, not the proxy's.
 */
final class Origins {

    private Origins() {
    }

    static RequestOrigin of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        return new RequestOrigin(address, request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
    }
}
