package app.haven;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Haven: the backend of a therapy practice, one deployable made of verified modules.
 * <p>
 * {@code @EnableAsync} is what lets {@code @ApplicationModuleListener}s run after the relay's
 * transaction commits, on their own threads, never on an event loop.
 */
@Modulithic(systemName = "Haven", sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class HavenApplication {

    public static void main(String[] args) {
        SpringApplication.run(HavenApplication.class, args);
    }
}
