package app.haven.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import app.haven.shared.Role;
import app.haven.shared.web.ProblemResponses;

/**
 * Every HTTP route needs a valid bearer token except sign-in and registration (but not
 * change-password), health, the public signing keys, the API docs and the embedded mode's dev
 * outbox (a route that does not exist in production mode). No sessions, no cookies, so no CSRF surface. Refusals are
 * problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class WebSecurityConfiguration {

    static final String[] PUBLIC_ROUTES = {
            "/api/v1/auth/**",
            "/api/v1/dev/**",
            "/actuator/health", "/actuator/health/**",
            "/.well-known/jwks.json",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"
    };

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveAuthenticationManager jwt,
            ProblemResponses problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, denied) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "Sign in with a valid bearer token.");
        };
        ServerAccessDeniedHandler forbidden = (exchange, denied) ->
                problems.write(exchange, HttpStatus.FORBIDDEN, "Your role may not do this.");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(routes -> routes
                        .pathMatchers("/api/v1/auth/change-password").authenticated()
                        .pathMatchers(PUBLIC_ROUTES).permitAll()
                        .pathMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(token -> token.authenticationManager(jwt))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .build();
    }
}
