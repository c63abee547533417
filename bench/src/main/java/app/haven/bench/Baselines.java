package app.haven.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import app.haven.bench.Options.Sizes;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketServer;
import io.rsocket.SocketAcceptor;
import io.rsocket.transport.netty.server.TcpServerTransport;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The physical limits on the same machine, for comparison: a bare RSocket echo between two
 * processes (no routing, no security, no JSON), and a bare insert loop against the store Haven's
 * messages live in. What Haven adds on top is the difference.
 */
final class Baselines {

    private Baselines() {
    }

    /** Runs in its own process: {@code java -jar haven-bench.jar echo-server PORT}. */
    static void echoServer(int port) {
        RSocketServer.create(SocketAcceptor.forRequestResponse(Mono::just))
                .bindNow(TcpServerTransport.create("127.0.0.1", port))
                .onClose().block();
    }

    static Measurement rsocketEcho(Sizes sizes) {
        int port = HavenProcess.freePort();
        Process server;
        try {
            server = new ProcessBuilder(Jdk.tool("java"), "-jar", jar().toString(), "echo-server", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int workers = sizes.sendConnections();
            List<RSocket> connections = Flux.range(0, workers)
                    .flatMapSequential(i -> io.rsocket.core.RSocketConnector.connectWith(
                            io.rsocket.transport.netty.client.TcpClientTransport.create("127.0.0.1", port))
                            .retryWhen(reactor.util.retry.Retry.fixedDelay(100, Duration.ofMillis(100))))
                    .collectList().block();
            String body = "{\"type\":\"TEXT\",\"content\":\"A message of about the length people write, sent by the benchmark\"}";
            Measurement result = ClosedLoop.run("bare RSocket echo, " + workers + " connections", workers, sizes.warmUp(),
                    sizes.bareFor(), worker -> Live.requestResponse(connections.get(worker), "echo", body));
            connections.forEach(RSocket::dispose);
            return result;
        } finally {
            server.destroy();
        }
    }

    /** Inserts message-shaped documents into a collection of Haven's own MongoDB, then drops it. */
    static Measurement mongoInsert(String uri, Sizes sizes) {
        try (MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(uri))
                .uuidRepresentation(org.bson.UuidRepresentation.STANDARD).build())) {
            MongoCollection<Document> collection = client.getDatabase("haven").getCollection("bench_bare_inserts");
            int workers = sizes.sendConnections();
            Measurement result = ClosedLoop.run("bare MongoDB insert, " + workers + " concurrent", workers,
                    sizes.warmUp(), sizes.bareFor(), worker -> Mono.from(collection.insertOne(new Document("_id",
                            UUID.randomUUID().toString())
                            .append("senderId", UUID.randomUUID())
                            .append("type", "TEXT")
                            .append("content", "A message of about the length people write, sent by the benchmark")
                            .append("createdAt", Instant.now()))));
            Mono.from(collection.drop()).block();
            return result;
        }
    }

    /** The harness's own jar: started with {@code java -jar}, the class path is that jar. */
    private static Path jar() {
        return Path.of(System.getProperty("java.class.path"));
    }
}
