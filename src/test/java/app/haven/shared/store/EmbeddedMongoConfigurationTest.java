package app.haven.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The in-process MongoDB server stands in only when no MongoDB is configured: a configured URI
 * always wins, so production can never end up on the embedded server by accident.
 */
class EmbeddedMongoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(EmbeddedMongoConfiguration.class)
            .withBean(EmbeddedMongoProperties.class,
                    () -> new EmbeddedMongoProperties(EmbeddedMongoProperties.Backend.MEMORY, null, 0));

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
    void aConfiguredMongoUriKeepsTheEmbeddedServerOff() {
        context.withPropertyValues("spring.mongodb.uri=mongodb://mongo.example:27017/haven?replicaSet=rs0")
                .run(started -> assertThat(started).doesNotHaveBean(MongoServer.class)
                        .doesNotHaveBean(MongoConnectionDetails.class));
    }
}
