package app.haven.shared.audit;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Puts the client address of each HTTP request into the Reactor context, so the access audit can
 * say from where a record was read without every module passing the address along.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestOrigin implements WebFilter {

    private static final String KEY = RequestOrigin.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return chain.filter(exchange);
        }
        String address = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, address));
    }

    static Optional<String> of(ContextView context) {
        return context.getOrEmpty(KEY);
    }
}
