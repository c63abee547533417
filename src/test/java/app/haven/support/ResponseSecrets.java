package app.haven.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.reactivestreams.Publisher;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.rsocket.Payload;
import io.rsocket.util.RSocketProxy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The secrets scan: every JSON answer any end-to-end test receives is read on its way out of the
 * server, over HTTP and RSocket alike, and a test fails if one carried a password or token hash, a token outside the sign-in
 * routes, session notes to anyone but a therapist, or a stack trace. {@link HavenTest} applies
 * the check after every test.
 */
public final class ResponseSecrets {

    private static final Queue<String> FOUND = new ConcurrentLinkedQueue<>();

    /** Keys that name a secret: no answer carries one, whatever its value. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "\"(password|passwordHash|hash|tokenHash|resetToken|verificationToken|secret|clientSecret|privateKey"
                    + "|refreshTokenHash)\"\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSWORD_HASH = Pattern.compile("\\$argon2(id|i|d)\\$|\\$2[aby]\\$\\d\\d\\$|\\{bcrypt\\}|\\{argon2");
    private static final Pattern TOKEN_KEY = Pattern.compile("\"(accessToken|refreshToken)\"\\s*:\\s*\"");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.");
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\tat |\\bat (app\\.haven|org\\.springframework|java\\.base|reactor\\.)[\\w.$]+\\(|\\.java:\\d+\\)"
                    + "|\\b(java\\.lang|java\\.io|org\\.springframework|io\\.r2dbc|com\\.mongodb|org\\.h2)\\.[\\w.]*(Exception|Error)\\b");
    private static final Pattern NOTES = Pattern.compile("\"notes\"\\s*:\\s*\"");
    private static final Pattern ROLE = Pattern.compile("\"role\"\\s*:\\s*\"(\\w+)\"");

    private ResponseSecrets() {
    }

    /** What is wrong with this answer to a caller of {@code role} (null when anonymous); empty when nothing. */
    public static List<String> findIn(String path, String role, String body) {
        List<String> found = new ArrayList<>();
        if (path.startsWith("/v3/api-docs")) {
            // the API description names request fields such as "password"; it carries no data
            return found;
        }
        boolean signIn = path.startsWith("/api/v1/auth/");
        boolean devOutbox = path.startsWith("/api/v1/dev/");
        Matcher key = SECRET_KEY.matcher(body);
        if (key.find()) {
            found.add("a secret's key " + key.group());
        }
        if (PASSWORD_HASH.matcher(body).find()) {
            found.add("a password hash");
        }
        if (!signIn && (TOKEN_KEY.matcher(body).find() || (!devOutbox && JWT.matcher(body).find()))) {
            found.add("a token outside the sign-in routes");
        }
        Matcher trace = STACK_TRACE.matcher(body);
        if (trace.find()) {
            found.add("a stack trace or exception name: " + trace.group());
        }
        if (!"THERAPIST".equals(role) && NOTES.matcher(body).find()) {
            found.add("session notes to a " + (role == null ? "caller without a token" : role));
        }
        return found;
    }

    /** Records what {@link #findIn} finds in every JSON answer the server writes. */
    public static final class Scan implements WebFilter, Ordered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String path = exchange.getRequest().getPath().value();
            String role = roleOf(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
            ServerHttpResponseDecorator scanned = new ServerHttpResponseDecorator(exchange.getResponse()) {
                @Override
                public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                    MediaType type = getHeaders().getContentType();
                    if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON)
                            || type.getSubtype().endsWith("+json"))) {
                        return super.writeWith(body);
                    }
                    return super.writeWith(DataBufferUtils.join(Flux.from(body)).doOnNext(joined -> {
                        String text = joined.toString(joined.readPosition(), joined.readableByteCount(),
                                StandardCharsets.UTF_8);
                        findIn(path, role, text).forEach(found -> FOUND.add(exchange.getRequest().getMethod() + " "
                                + path + " answered " + getStatusCode() + " with " + found));
                    }));
                }
            };
            return chain.filter(exchange.mutate().response(scanned).build());
        }

        private static String roleOf(String authorization) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return null;
            }
            String[] parts = authorization.substring(7).split("\\.");
            if (parts.length != 3) {
                return null;
            }
            try {
                Matcher role = ROLE.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
                return role.find() ? role.group(1) : null;
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    }

    /** The same scan over every payload Haven's RSocket routes send (responses, stream and channel items). */
    public static RSocketServerCustomizer rsocketScan() {
        return server -> server.interceptors(registry -> registry.forResponder((io.rsocket.plugins.RSocketInterceptor) rsocket -> new RSocketProxy(rsocket) {
            @Override
            public Mono<Payload> requestResponse(Payload payload) {
                return super.requestResponse(payload).doOnNext(answer -> scan("rsocket response", answer));
            }

            @Override
            public Flux<Payload> requestStream(Payload payload) {
                return super.requestStream(payload).doOnNext(item -> scan("rsocket stream", item));
            }

            @Override
            public Flux<Payload> requestChannel(Publisher<Payload> payloads) {
                return super.requestChannel(payloads).doOnNext(item -> scan("rsocket channel", item));
            }
        }));
    }

    private static void scan(String where, Payload payload) {
        findIn(where, null, payload.getDataUtf8()).forEach(found -> FOUND.add(where + " carried " + found));
    }

    /** Fails the test during which a scanned answer carried a secret. */
    public static final class Check implements AfterEachCallback {

        @Override
        public void afterEach(ExtensionContext context) {
            List<String> found = new ArrayList<>();
            for (String next; (next = FOUND.poll()) != null; ) {
                found.add(next);
            }
            if (!found.isEmpty()) {
                throw new AssertionError("Answers carried what they must not:\n  " + String.join("\n  ", found));
            }
        }
    }
}
