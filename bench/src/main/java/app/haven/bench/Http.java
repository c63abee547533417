package app.haven.bench;

import java.time.Duration;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Haven's HTTP API as the harness uses it: a client over a bounded pool of keep-alive connections.
 * A load scenario gets a client of its own whose pool is exactly its concurrency, so "50
 * connections" means 50 sockets.
 */
final class Http implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectionProvider pool;
    private final HttpClient client;

    Http(String name, int port, int connections) {
        this.pool = ConnectionProvider.builder(name).maxConnections(connections).pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(1)).build();
        this.client = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10));
    }

    /** A request's answer: non-2xx answers fail with the status and body, so a load loop counts them as errors. */
    Mono<String> call(String method, String path, String token, Object body) {
        HttpClient authorized = client.headers(headers -> {
            if (token != null) {
                headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
            }
            if (body != null) {
                headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            }
        });
        var sender = authorized.request(io.netty.handler.codec.http.HttpMethod.valueOf(method)).uri(path);
        var receiving = body == null ? sender : sender.send(ByteBufFlux.fromString(Mono.just(json(body))));
        return receiving.responseSingle((response, bytes) -> bytes.asString().defaultIfEmpty("").flatMap(text -> {
            int status = response.status().code();
            return status < 300 ? Mono.just(text)
                    : Mono.error(new IllegalStateException(method + " " + path + " answered " + status + ": "
                            + text.substring(0, Math.min(300, text.length()))));
        }));
    }

    JsonNode get(String path, String token) {
        return JSON.readTree(call("GET", path, token, null).block());
    }

    JsonNode post(String path, String token, Object body) {
        String answer = call("POST", path, token, body).block();
        return answer == null || answer.isEmpty() ? JSON.nullNode() : JSON.readTree(answer);
    }

    String login(String email, String password) {
        return post("/api/v1/auth/login", null, Map.of("email", email, "password", password)).get("accessToken")
                .asString();
    }

    static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
    }
}
