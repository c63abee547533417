package app.haven.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import app.haven.HavenApplication;

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

    /**
     * Starts a whole Haven on the named store (see {@link #newName()}), on free ports, with the
     * test profiles and these extra arguments; close it to stop it as a process stop would.
     * <p>
     * Embedded, the relational store is an H2 file, not memory: closing the application closes
     * the database and the next start opens it again, as after a real restart. (An in-memory H2
     * kept open across applications of one JVM fails its check constraints with 'database has
     * been closed' once the first application has stopped.)
     */
    public static ConfigurableApplicationContext startHaven(String storeName, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("--" + NAME + "=" + storeName,
                "--server.port=0", "--spring.rsocket.server.port=0"));
        if (TestProfiles.active().length == 1) {
            String file = "target/test-data/" + storeName + "/db/haven;${haven.h2-options}";
            arguments.add("--spring.r2dbc.url=r2dbc:h2:file:///./" + file);
            arguments.add("--spring.datasource.url=jdbc:h2:file:./" + file);
        }
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(HavenApplication.class)
                .profiles(TestProfiles.active())
                .run(arguments.toArray(String[]::new));
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
