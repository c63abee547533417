package app.haven.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import app.haven.bench.Options.Sizes;
import app.haven.bench.Practice.Person;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The HTTP scenarios: an authenticated no-op, sending into one conversation, paging the history of
 * a conversation of 100,000 messages, and one person's unread count across 200 conversations. Each
 * runs over its own pool of keep-alive connections, one per concurrent worker.
 */
final class RestScenarios {

    private static final String PAGE = "/api/v1/conversations/%s/messages?limit=30&before=%s-%d";

    private final HavenProcess haven;
    private final Sizes sizes;

    RestScenarios(HavenProcess haven, Sizes sizes) {
        this.haven = haven;
        this.sizes = sizes;
    }

    /** {@code GET /users/me}: token check, one account read, JSON; what Mentara measured as its no-op. */
    Measurement authenticatedNoOp(Practice practice) {
        int workers = sizes.sendConnections();
        try (Http http = new Http("no-op", haven.httpPort, workers)) {
            return ClosedLoop.run("authenticated no-op (GET /users/me)", workers, sizes.warmUp(), sizes.sendFor(),
                    worker -> http.call("GET", "/api/v1/users/me", practice.members.get(worker).token(), null));
        }
    }

    /** The conversation the send and history scenarios share, with one member per connection. */
    String startSendConversation(Http http, Practice practice) {
        return practice.group(http, "Bench sends", sizes.sendConnections());
    }

    Measurement send(Practice practice, String conversation, AtomicLong stored) {
        int workers = sizes.sendConnections();
        try (Http http = new Http("send", haven.httpPort, workers)) {
            return ClosedLoop.run("REST send, " + workers + " connections", workers, sizes.warmUp(), sizes.sendFor(),
                    worker -> sendOne(http, practice.members.get(worker), conversation, stored));
        }
    }

    /** Brings the conversation to {@code historyMessages} through the same API, unmeasured. */
    void fillHistory(Practice practice, String conversation, AtomicLong stored) {
        long missing = sizes.historyMessages() - stored.get();
        int workers = sizes.sendConnections();
        long began = System.nanoTime();
        try (Http http = new Http("fill", haven.httpPort, workers)) {
            ClosedLoop.times(workers, missing, worker -> sendSurely(http, practice.members.get(worker), conversation, stored));
        }
        System.out.printf("history filled to %d messages through the API (%d more in %.0f s)%n", stored.get(),
                missing, (System.nanoTime() - began) / 1e9);
    }

    /** A page of 30 from anywhere in the history: uniformly random {@code before} cursors. */
    Measurement history(Practice practice, String conversation, long messages) {
        int workers = sizes.sendConnections();
        try (Http http = new Http("history", haven.httpPort, workers)) {
            return ClosedLoop.run("REST history page of 30, " + workers + " connections", workers, sizes.warmUp(),
                    sizes.historyFor(), worker -> http.call("GET", String.format(PAGE, conversation, conversation,
                            ThreadLocalRandom.current().nextLong(31, messages + 2)), practice.members.get(worker).token(), null));
        }
    }

    /**
     * One reader in {@code unreadConversations} conversations with messages waiting in each, asking
     * for their unread count: one connection, one request at a time, so the figure is the latency a
     * person sees, not queueing.
     */
    Measurement unreadCount(Http http, Practice practice, Runnable beforeMeasuring) {
        Person reader = practice.members.get(0);
        Person writer = practice.members.get(1);
        int existing = http.get("/api/v1/conversations?limit=100", reader.token()).get("items").size();
        Flux.range(existing, Math.max(0, sizes.unreadConversations() - existing))
                .flatMap(i -> http.call("POST", "/api/v1/conversations", practice.staff.token(), Map.of("type", "GROUP",
                                "title", "Bench unread " + i, "participantIds", List.of(reader.id(), writer.id())))
                        .map(answer -> Http.JSON.readTree(answer).get("id").asString())
                        .flatMap(id -> sendSurely(http, writer, id, new AtomicLong())
                                .then(sendSurely(http, writer, id, new AtomicLong()))), 4)
                .blockLast();
        String total = http.get("/api/v1/messages/unread-count", reader.token()).toString();
        System.out.printf("reader in %d conversations: %s%n", sizes.unreadConversations(), total);
        beforeMeasuring.run();
        try (Http single = new Http("unread", haven.httpPort, 1)) {
            return ClosedLoop.run("unread count, " + sizes.unreadConversations() + " conversations", 1, sizes.warmUp(),
                    sizes.unreadFor(), worker -> single.call("GET", "/api/v1/messages/unread-count", reader.token(), null));
        }
    }

    static Mono<String> sendOne(Http http, Person sender, String conversation, AtomicLong stored) {
        return http.call("POST", "/api/v1/conversations/" + conversation + "/messages", sender.token(),
                        "{\"type\":\"TEXT\",\"content\":\"A message of about the length people write, sent by the benchmark\"}")
                .doOnNext(answer -> stored.incrementAndGet());
    }

    /**
     * For seeding, where one lost request must not end the run: a send with its own client message
     * id, retried when unanswered or refused for the moment; Haven stores a retried send once.
     */
    static Mono<String> sendSurely(Http http, Person sender, String conversation, AtomicLong stored) {
        String body = "{\"type\":\"TEXT\",\"clientMessageId\":\"" + UUID.randomUUID()
                + "\",\"content\":\"A message of about the length people write, sent by the benchmark\"}";
        return Mono.defer(() -> http.call("POST", "/api/v1/conversations/" + conversation + "/messages",
                        sender.token(), body))
                .retryWhen(Retry.backoff(5, Duration.ofSeconds(1)))
                .doOnNext(answer -> stored.incrementAndGet());
    }
}
