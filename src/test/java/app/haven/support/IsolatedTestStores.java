package app.haven.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application its own relational store: its own in-memory H2 database, or its own
 * schema on CI's PostgreSQL. Test applications of one JVM stay alive side by side (Spring caches
 * them), and on a shared store one application's event relay could take another's events and
 * deliver them to its own document store and live streams, making tests flaky.
 */
public class IsolatedTestStores implements EnvironmentPostProcessor {

    static final String NAME = "haven.test.store-name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String name = environment.getProperty(NAME);
        if (name == null) {
            name = newName();
            environment.getPropertySources().addLast(new MapPropertySource("isolatedTestStores", Map.of(NAME, name)));
        }
        if (environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:")) {
            createSchema(environment, name);
        }
    }

    /**
     * A store name for tests that start Haven more than once on the same store (pass it as
     * {@code --haven.test.store-name=...} to every start).
     */
    public static String newName() {
        return "t" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void createSchema(ConfigurableEnvironment environment, String schema) {
        String url = environment.getProperty("haven.test.postgres-admin-url");
        try (Connection connection = DriverManager.getConnection(url,
                environment.getProperty("haven.test.postgres-admin-user"),
                environment.getProperty("haven.test.postgres-admin-password", ""))) {
            connection.createStatement().execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test schema " + schema + " at " + url, e);
        }
    }
}
