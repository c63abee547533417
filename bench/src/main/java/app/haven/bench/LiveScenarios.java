package app.haven.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

import app.haven.bench.Live.Transport;
import app.haven.bench.Options.Sizes;
import io.rsocket.RSocket;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The RSocket scenarios: one GROUP conversation delivering to every member's open stream, and many
 * idle connections held open with their inbox streams, the way the apps stay connected.
 */
final class LiveScenarios {

    private static final String MARK = "\"content\":\"fan-out ";

    private final HavenProcess haven;
    private final Sizes sizes;
    private final Live live;

    LiveScenarios(HavenProcess haven, Sizes sizes) {
        this.haven = haven;
        this.sizes = sizes;
        this.live = new Live(haven.httpPort, haven.tcpPort);
    }

    /**
     * Every member subscribes to the conversation's events (half over TCP, half over WebSocket); the
     * staff member sends at a fixed rate over REST, whatever the answers' pace (open loop). Latency
     * runs from the moment a send was due to each member's receipt, so a stall counts in full.
     */
    Measurement fanOut(Http http, Practice practice) {
        int members = sizes.fanOutMembers();
        String conversation = practice.group(http, "Bench fan-out", members);
        Histogram latency = Measurement.histogram();
        AtomicLong received = new AtomicLong();
        AtomicReference<String> streamError = new AtomicReference<>();
        List<RSocket> connections = connect(practice, members, 1);
        List<Disposable> streams = new ArrayList<>();
        for (RSocket connection : connections) {
            streams.add(Live.stream(connection, "conversations." + conversation + ".events").subscribe(event -> {
                long now = System.nanoTime();
                int mark = event.indexOf(MARK);
                if (mark >= 0) {
                    int from = mark + MARK.length();
                    long due = Long.parseLong(event, from, event.indexOf('"', from), 10);
                    latency.recordValue(Math.max(0, now - due));
                    received.incrementAndGet();
                }
            }, failure -> streamError.compareAndSet(null, failure.toString())));
        }
        HavenProcess.sleep(Duration.ofSeconds(2));

        int messages = (int) (sizes.fanOutRate() * sizes.fanOutFor().toSeconds());
        long interval = 1_000_000_000L / sizes.fanOutRate();
        Histogram sends = Measurement.histogram();
        AtomicLong sendErrors = new AtomicLong();
        long begin = System.nanoTime() + 50_000_000L;
        try (Http senders = new Http("fan-out-send", haven.httpPort, 64)) {
            Flux.range(0, messages).concatMap(m -> {
                long due = begin + m * interval;
                return Mono.delay(Duration.ofNanos(Math.max(0, due - System.nanoTime()))).thenReturn(due);
            }).flatMap(due -> senders.call("POST", "/api/v1/conversations/" + conversation + "/messages",
                            practice.staff.token(), "{\"type\":\"TEXT\",\"content\":\"fan-out " + due + "\"}")
                    .doOnNext(answer -> sends.recordValue(System.nanoTime() - due))
                    .onErrorResume(failure -> {
                        sendErrors.incrementAndGet();
                        return Mono.empty();
                    }), 1024).blockLast();
        }
        double sendSeconds = (System.nanoTime() - begin) / 1e9;
        long expected = (long) members * messages;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.get() < expected && System.nanoTime() < deadline) {
            HavenProcess.sleep(Duration.ofMillis(100));
        }
        streams.forEach(Disposable::dispose);
        close(connections);
        long missing = expected - received.get();
        Measurement result = new Measurement(String.format("fan-out to %d members at %d/s", members, sizes.fanOutRate()),
                received.get(), missing + sendErrors.get(), sendSeconds, latency,
                missing > 0 ? missing + " deliveries missing; " + streamError.get() : streamError.get());
        System.out.println(result.line());
        System.out.printf("  %d messages sent in %.1f s (send p50 %.1f ms, p99 %.1f ms, %d errors)%n", messages, sendSeconds,
                sends.getValueAtPercentile(50) / 1e6, sends.getValueAtPercentile(99) / 1e6, sendErrors.get());
        return result;
    }

    /**
     * {@code idleConnections} connections, each with its inbox stream open, spread over the members
     * (at most 20 per person, Haven's per-person cap) and over both transports. Memory is read after
     * a full collection, before and after; then one message proves every connection still listens.
     */
    IdleResult idleConnections(Http http, Practice practice) {
        int perMember = (int) Math.ceil(sizes.idleConnections() / (double) practice.members.size());
        if (perMember > 20) {
            throw new IllegalStateException("Not enough members for " + sizes.idleConnections() + " connections");
        }
        String conversation = practice.group(http, "Bench idle", practice.members.size());
        long heapBefore = haven.heapAfterCollection(http, practice.admin.token());
        long rssBefore = haven.residentBytes();
        long began = System.nanoTime();
        List<RSocket> connections = connect(practice, sizes.idleConnections(), perMember);
        double openedIn = (System.nanoTime() - began) / 1e9;
        AtomicLong reached = new AtomicLong();
        AtomicLong lastReceipt = new AtomicLong();
        List<Disposable> inboxes = connections.stream().map(connection -> Live.stream(connection, "inbox")
                .filter(event -> event.contains("Still listening?")).subscribe(event -> {
                    reached.incrementAndGet();
                    lastReceipt.set(System.nanoTime());
                }, failure -> { })).toList();
        HavenProcess.sleep(Duration.ofSeconds(5));
        long heapAfter = haven.heapAfterCollection(http, practice.admin.token());
        long rssAfter = haven.residentBytes();

        long sent = System.nanoTime();
        http.post("/api/v1/conversations/" + conversation + "/messages", practice.staff.token(),
                Map.of("type", "TEXT", "content", "Still listening?"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reached.get() < connections.size() && System.nanoTime() < deadline) {
            HavenProcess.sleep(Duration.ofMillis(100));
        }
        double reachedIn = (lastReceipt.get() - sent) / 1e9;
        inboxes.forEach(Disposable::dispose);
        close(connections);
        IdleResult result = new IdleResult(connections.size(), openedIn, heapBefore, heapAfter, rssBefore, rssAfter,
                reached.get(), reachedIn);
        System.out.println(result.line());
        return result;
    }

    record IdleResult(int connections, double openedInSeconds, long heapBefore, long heapAfter, long rssBefore,
            long rssAfter, long reached, double reachedInSeconds) {

        String line() {
            return String.format(java.util.Locale.ROOT,
                    "%d idle connections opened in %.1f s: heap %d -> %d MiB, resident %d -> %d MiB; one message reached %d in %.1f s",
                    connections, openedInSeconds, heapBefore >> 20, heapAfter >> 20, rssBefore >> 20, rssAfter >> 20,
                    reached, reachedInSeconds);
        }
    }

    /** Connection {@code i} belongs to member {@code i / perMember}; even ones over TCP, odd over WebSocket. */
    private List<RSocket> connect(Practice practice, int count, int perMember) {
        return Flux.range(0, count)
                .flatMapSequential(i -> live.connect(i % 2 == 0 ? Transport.TCP : Transport.WEBSOCKET,
                        practice.members.get(i / perMember).token()), 64)
                .collectList().block(Duration.ofMinutes(5));
    }

    private static void close(List<RSocket> connections) {
        connections.forEach(RSocket::dispose);
        Flux.fromIterable(connections).flatMap(RSocket::onClose, 256).onErrorResume(failure -> Mono.empty())
                .blockLast(Duration.ofMinutes(1));
    }
}
