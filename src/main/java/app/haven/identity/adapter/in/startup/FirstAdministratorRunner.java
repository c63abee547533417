package app.haven.identity.adapter.in.startup;

import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import app.haven.identity.application.FirstAdministrator;

/**
 * Creates the first administrator at startup from {@code haven.bootstrap-admin.email} and
 * {@code haven.bootstrap-admin.password} (typically environment variables), only while none exists.
 */
@Component
@ConditionalOnProperty("haven.bootstrap-admin.email")
class FirstAdministratorRunner implements ApplicationRunner {

    private final FirstAdministrator firstAdministrator;
    private final Environment environment;

    FirstAdministratorRunner(FirstAdministrator firstAdministrator, Environment environment) {
        this.firstAdministrator = firstAdministrator;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = environment.getRequiredProperty("haven.bootstrap-admin.email");
        String password = environment.getRequiredProperty("haven.bootstrap-admin.password");
        firstAdministrator.ensure(email, password).block(Duration.ofMinutes(1));
    }
}
