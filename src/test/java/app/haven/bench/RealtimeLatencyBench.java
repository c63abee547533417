package app.haven.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeTypeUtils;

import io.rsocket.metadata.WellKnownMimeType;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery latency of one GROUP conversation to many live subscribers ({@code bench/realtime/run.sh}):
 * creates a sender and {@code subscribers} members through the API, connects each member's inbox
 * (alternately over TCP and WebSocket), sends {@code messages} messages over REST at {@code rate} per
 * second, and records, in an HdrHistogram, the time from the start of each send to each member
 * receiving it. Runs in its own JVM, against a Haven started separately.
 * <p>
 * With {@code slow} greater than 0, that many extra members read their inbox one event per 200 ms:
 * their deliveries are counted apart, so the histogram shows whether they delay everyone else.
 * <p>
 * Arguments: {@code httpPort tcpPort adminEmail adminPassword [subscribers=100] [messages=200] [rate=20] [slow=0]}.
 */
public final class RealtimeLatencyBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RealtimeLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        int tcpPort = Integer.parseInt(args[1]);
        int subscribers = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int messages = args.length > 5 ? Integer.parseInt(args[5]) : 200;
        int rate = args.length > 6 ? Integer.parseInt(args[6]) : 20;
        int slow = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        String base = "http://localhost:" + httpPort + "/api/v1";
        String admin = login(base, args[2], args[3]);

        String run = UUID.randomUUID().toString().substring(0, 8);
        String sender = token(base, admin, "STAFF", "sender-" + run);
        List<String> memberIds = new ArrayList<>();
        List<String> memberTokens = new ArrayList<>();
        for (int i = 0; i < subscribers + slow; i++) {
            String email = "member-" + run + "-" + i;
            memberIds.add(create(base, admin, "THERAPIST", email));
            memberTokens.add(login(base, email + "@bench.example", "bench-member-password"));
        }
        JsonNode group = post(base + "/conversations", sender,
                Map.of("type", "GROUP", "title", "Bench " + run, "participantIds", memberIds));
        String conversation = group.get("id").asString();
        System.out.printf("group %s with %d members%n", conversation, subscribers + slow);

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram latency = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        AtomicLong received = new AtomicLong();
        RSocketStrategies strategies = RSocketStrategies.builder()
                .encoders(encoders -> {
                    encoders.add(new JacksonJsonEncoder());
                    encoders.add(new BearerTokenAuthenticationEncoder());
                })
                .decoders(decoders -> decoders.add(new JacksonJsonDecoder()))
                .build();
        List<RSocketRequester> connections = new ArrayList<>();
        List<Disposable> streams = new ArrayList<>();
        AtomicLong slowReceived = new AtomicLong();
        for (int i = 0; i < subscribers + slow; i++) {
            boolean slowReader = i >= subscribers;
            RSocketRequester.Builder builder = RSocketRequester.builder().rsocketStrategies(strategies)
                    .dataMimeType(MediaType.APPLICATION_JSON)
                    .setupMetadata(new BearerTokenMetadata(memberTokens.get(i)),
                            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString()));
            RSocketRequester requester = i % 2 == 0 ? builder.tcp("localhost", tcpPort)
                    : builder.websocket(URI.create("ws://localhost:" + httpPort + "/rsocket"));
            connections.add(requester);
            var inbox = requester.route("inbox").retrieveFlux(JsonNode.class);
            if (slowReader) {
                streams.add(inbox.limitRate(1)
                        .concatMap(event -> reactor.core.publisher.Mono.delay(Duration.ofMillis(200)).thenReturn(event), 1)
                        .subscribe(event -> slowReceived.incrementAndGet(),
                                error -> System.out.println("a slow subscriber's stream ended: " + error.getMessage())));
                continue;
            }
            streams.add(inbox.subscribe(event -> {
                long now = System.nanoTime();
                if ("MESSAGE_SENT".equals(event.get("type").asString())) {
                    Long start = sentAt.get(event.get("payload").get("content").asString());
                    if (start != null) {
                        synchronized (latency) {
                            latency.recordValue(now - start);
                        }
                        received.incrementAndGet();
                    }
                }
            }, error -> System.err.println("a stream ended: " + error.getMessage())));
        }
        Thread.sleep(2_000);

        long interval = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        for (int m = 0; m < messages; m++) {
            long due = begin + m * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String content = "bench message " + m;
            sentAt.put(content, System.nanoTime());
            post(base + "/conversations/" + conversation + "/messages", sender, Map.of("content", content, "type", "TEXT"));
        }
        long expected = (long) subscribers * messages;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        System.out.printf("%d subscribers (%d TCP, %d WebSocket), %d messages at %d/s: %d of %d deliveries%n",
                subscribers, (subscribers + 1) / 2, subscribers / 2, messages, rate, received.get(), expected);
        if (slow > 0) {
            System.out.printf("%d slow subscribers (one event per 200 ms) had received %d events by then%n", slow,
                    slowReceived.get());
        }
        System.out.printf("delivery latency (send start -> subscriber receives): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)),
                ms(latency.getValueAtPercentile(99)), ms(latency.getMaxValue()));
        streams.forEach(Disposable::dispose);
        connections.forEach(RSocketRequester::dispose);
        System.exit(received.get() == expected ? 0 : 1);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String token(String base, String admin, String role, String name) throws Exception {
        create(base, admin, role, name);
        return login(base, name + "@bench.example", "bench-member-password");
    }

    private static String create(String base, String admin, String role, String name) throws Exception {
        return post(base + "/admin/users", admin, Map.of("email", name + "@bench.example",
                "password", "bench-member-password", "firstName", "Bench", "lastName", name, "role", role))
                .get("id").asString();
    }

    private static String login(String base, String email, String password) throws Exception {
        return post(base + "/auth/login", null, Map.of("email", email, "password", password)).get("accessToken").asString();
    }

    private static JsonNode post(String url, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

}
