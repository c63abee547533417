package app.haven.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.rsocket.EnableRSocketSecurity;
import org.springframework.security.config.annotation.rsocket.RSocketSecurity;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.rsocket.core.PayloadSocketAcceptorInterceptor;

/**
 * RSocket connections authenticate with the same bearer token as HTTP, in the setup metadata
 * ({@code message/x.rsocket.authentication.v0}); a request may carry a fresher token in its own
 * metadata. A setup without a valid token is rejected, so no route is reachable anonymously. The
 * interceptor guards both transports (TCP and WebSocket), which share Boot's server customizers.
 */
@Configuration(proxyBeanMethods = false)
@EnableRSocketSecurity
class RSocketSecurityConfiguration {

    @Bean
    PayloadSocketAcceptorInterceptor rsocketSecurity(RSocketSecurity rsocket, ReactiveAuthenticationManager jwt) {
        return rsocket
                .authorizePayload(payloads -> payloads
                        .setup().authenticated()
                        .anyRequest().authenticated()
                        .anyExchange().permitAll())
                .jwt(token -> token.authenticationManager(jwt))
                .build();
    }
}
