package app.haven.shared.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import app.haven.shared.ChangeStreamPolling;

/**
 * Starts the in-process MongoDB wire-protocol server when no MongoDB URI is configured, so a bare
 * JDK runs Haven. The real reactive driver talks to it over a loopback socket, exactly as it
 * would to MongoDB. Its oplog is on only when {@code haven.embedded-mongo.change-streams} asks for
 * change streams; it is then trimmed to a window, and change-stream tails poll it (see
 * {@link ChangeStreamPolling}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isBlank()")
class EmbeddedMongoConfiguration {

    // shutdownNow skips Netty's two-second quiet periods; the backend is still closed, so the file keeps everything
    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(EmbeddedMongoProperties properties) {
        MongoServer server = new MongoServer(backend(properties));
        if (properties.changeStreams()) {
            server.enableOplog();
        }
        server.bind("127.0.0.1", properties.port());
        return server;
    }

    @Bean
    @ConditionalOnProperty("haven.embedded-mongo.change-streams")
    ChangeStreamPolling changeStreamPolling(EmbeddedMongoProperties properties) {
        return properties::changeStreamPollInterval;
    }

    @Bean
    @ConditionalOnProperty("haven.embedded-mongo.change-streams")
    EmbeddedOplogTrim embeddedOplogTrim(MongoClient mongo, EmbeddedMongoProperties properties, Clock clock) {
        return new EmbeddedOplogTrim(mongo, properties.oplogWindow(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer, Environment environment) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        String database = environment.getProperty("spring.mongodb.database", "haven");
        ConnectionString connection = new ConnectionString(
                "mongodb://%s:%d/%s".formatted(address.getHostString(), address.getPort(), database));
        return () -> connection;
    }

    private static MongoBackend backend(EmbeddedMongoProperties properties) {
        if (properties.backend() == EmbeddedMongoProperties.Backend.MEMORY) {
            // the same storage as the file, kept in memory: mongo-java-server's own MemoryBackend
            // shares live documents with replies being encoded, and an update at that moment throws
            // in the encoder and leaves the driver waiting for an answer that never comes
            return H2Backend.inMemory();
        }
        try {
            Files.createDirectories(properties.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + properties.directory(), e);
        }
        return new H2Backend(properties.directory().resolve("haven.mv").toString());
    }
}
