package app.haven.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import reactor.core.publisher.Mono;

/**
 * The in-process MongoDB server stands in only when no MongoDB is configured: a configured URI
 * always wins, so production can never end up on the embedded server by accident.
 */
class EmbeddedMongoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoReactiveAutoConfiguration.class))
            .withUserConfiguration(EmbeddedMongoConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withUserConfiguration(Properties.class)
            .withPropertyValues("haven.embedded-mongo.backend=memory");

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(EmbeddedMongoProperties.class)
    static class Properties {
    }

    @Test
    void withoutAMongoUriTheEmbeddedServerStartsAndHavenConnectsToIt() {
        context.run(started -> {
            assertThat(started).hasSingleBean(MongoServer.class);
            int port = started.getBean(MongoServer.class).getLocalAddress().getPort();
            assertThat(started.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
                    .containsExactly("127.0.0.1:" + port);
        });
    }

    @Test
    void byDefaultTheEmbeddedServerKeepsNoOplog() {
        context.run(started -> assertThat(started).hasSingleBean(MongoServer.class)
                .doesNotHaveBean(EmbeddedOplogTrim.class).doesNotHaveBean(app.haven.shared.ChangeStreamPolling.class));
    }

    @Test
    void theEmbeddedOplogKeepsOnlyItsWindow() {
        context.withPropertyValues("haven.embedded-mongo.change-streams=true").run(started -> {
            MongoCollection<Document> notes = started.getBean(MongoClient.class).getDatabase("haven")
                    .getCollection("notes");
            Mono.from(notes.insertMany(List.of(new Document("n", 1), new Document("n", 2)))).block();
            EmbeddedOplogTrim trim = started.getBean(EmbeddedOplogTrim.class);
            long written = trim.size().block();
            assertThat(written).isGreaterThanOrEqualTo(2);

            assertThat(trim.trim(Instant.now()).block()).as("nothing is two hours old yet").isZero();
            assertThat(trim.trim(Instant.now().plus(Duration.ofHours(3))).block()).isEqualTo(written);
            assertThat(trim.size().block()).isZero();
            assertThat(Mono.from(notes.countDocuments()).block()).as("the data itself stays").isEqualTo(2);
        });
    }

    @Test
    void aConfiguredMongoUriKeepsTheEmbeddedServerOff() {
        context.withPropertyValues("spring.mongodb.uri=mongodb://mongo.example:27017/haven?replicaSet=rs0")
                .run(started -> {
                    assertThat(started).doesNotHaveBean(MongoServer.class).doesNotHaveBean(EmbeddedOplogTrim.class);
                    assertThat(started.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
                            .containsExactly("mongo.example:27017");
                });
    }
}
