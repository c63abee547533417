package app.haven.shared.security;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import app.haven.shared.Role;
import app.haven.shared.web.ProblemResponses;

/**
 * Every HTTP route needs a valid bearer token except sign-in and registration (but not
 * change-password), health, the public signing keys, the API docs and the embedded mode's dev
 * outbox (a route that does not exist in production mode). No sessions, no cookies, so no CSRF surface. Refusals are
 * problem details like every other error.
 * <p>
 * Every response carries the security headers: no caching, no sniffing, no framing, no referrer,
 * no browser features, and a content security policy that allows nothing (the API serves JSON and
 * files, never pages), except that the API docs page may run its own scripts. HSTS is sent on
 * HTTPS. Cross-origin browser calls are allowed only from the configured origins.
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

    /** The API answers JSON and files: nothing in a response may load, run or frame anything. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** The API docs page (Swagger UI) is a page: its own scripts, styles and images only. */
    static final String DOCS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";
    private static final String[] DOCS_PAGES = { "/swagger-ui.html", "/swagger-ui/**", "/webjars/**" };

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                "Idempotency-Key", HttpHeaders.IF_NONE_MATCH));
        cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG,
                HttpHeaders.CONTENT_DISPOSITION));
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveAuthenticationManager jwt,
            ProblemResponses problems, CorsConfigurationSource cors) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, denied) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "Sign in with a valid bearer token.");
        };
        ServerAccessDeniedHandler forbidden = (exchange, denied) ->
                problems.write(exchange, HttpStatus.FORBIDDEN, "Your role may not do this.");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(spec -> spec.configurationSource(cors))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicy(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"))
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
                .addFilterAt(new HttpHeaderWriterWebFilter(contentSecurityPolicy()),
                        SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
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

    private static ServerHttpHeadersWriter contentSecurityPolicy() {
        ServerWebExchangeMatcher docsPages = ServerWebExchangeMatchers.pathMatchers(DOCS_PAGES);
        ServerHttpHeadersWriter api = policy(API_POLICY);
        ServerHttpHeadersWriter docs = policy(DOCS_POLICY);
        return exchange -> docsPages.matches(exchange)
                .flatMap(match -> match.isMatch() ? docs.writeHttpHeaders(exchange) : api.writeHttpHeaders(exchange));
    }

    private static ServerHttpHeadersWriter policy(String directives) {
        ContentSecurityPolicyServerHttpHeadersWriter writer = new ContentSecurityPolicyServerHttpHeadersWriter();
        writer.setPolicyDirectives(directives);
        return writer;
    }
}
