package app.haven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where Haven is built, so docker-compose.yml is checked by reading it:
 * it parses, has the stores and health checks it promises, runs the image the build makes, and
 * sets no variable that Haven would silently ignore.
 */
class DockerComposeFileTest {

    /** Variables read by the container image's tooling rather than by Haven. */
    private static final Set<String> READ_BY_THE_IMAGE = Set.of("THC_PORT", "THC_PATH");

    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @Test
    void runsPostgres16AndMongo7AsAReplicaSetThatItInitiatesItself() {
        assertThat(service("postgres")).containsEntry("image", "postgres:16").containsKeys("healthcheck", "volumes");
        assertThat(service("mongo")).containsEntry("image", "mongo:7").containsKeys("healthcheck", "volumes");
        assertThat(service("mongo").get("command").toString()).contains("--replSet", "rs0");
        assertThat(service("mongo").get("healthcheck").toString()).contains("rs.initiate", "isWritablePrimary");
    }

    @Test
    @SuppressWarnings("unchecked")
    void havenRunsTheImageTheBuildMakesOnceBothStoresAreHealthy() throws IOException {
        Map<String, Object> haven = service("haven");
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<name>haven:latest</name>", "<BP_HEALTH_CHECKER_ENABLED>true</BP_HEALTH_CHECKER_ENABLED>");
        assertThat(haven.get("image").toString()).contains("haven:latest");
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) haven.get("depends_on");
        assertThat(dependsOn).containsOnlyKeys("postgres", "mongo");
        dependsOn.values().forEach(condition -> assertThat(condition).containsEntry("condition", "service_healthy"));
        assertThat(haven.get("healthcheck").toString()).contains("/workspace/health-check");
        assertThat(environment()).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                .containsEntry("HAVEN_MONGODB_URI", "mongodb://mongo:27017/haven?replicaSet=rs0")
                .containsEntry("HAVEN_POSTGRES_HOST", "postgres");
        assertThat(haven.get("ports").toString()).contains("8080:8080", "7000:7000");
    }

    @Test
    void everyVariableItSetsIsOneHavenReads() throws Exception {
        Set<String> read = variablesHavenReads();

        assertThat(environment().keySet())
                .allSatisfy(variable -> assertThat(read.contains(variable) || READ_BY_THE_IMAGE.contains(variable))
                        .as("%s is read by Haven", variable).isTrue());
    }

    /** Placeholders in the configuration files, plus the environment form of every declared property. */
    private static Set<String> variablesHavenReads() throws Exception {
        Set<String> variables = new HashSet<>(Set.of("SPRING_PROFILES_ACTIVE"));
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                Matcher matcher = placeholder.matcher(Files.readString(file));
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
            }
        }
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (var candidate : scanner.findCandidateComponents("app.haven")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            for (var component : type.getRecordComponents()) {
                variables.add(environmentName(prefix + "." + component.getName()));
            }
        }
        return variables;
    }

    /** Spring's relaxed binding: {@code haven.security.jwt.jwk} is {@code HAVEN_SECURITY_JWT_JWK}. */
    private static String environmentName(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment() {
        return (Map<String, String>) service("haven").get("environment");
    }
}
