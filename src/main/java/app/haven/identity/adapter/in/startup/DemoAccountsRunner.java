package app.haven.identity.adapter.in.startup;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import app.haven.identity.DemoPractice;
import app.haven.identity.application.DemoAccounts;

/**
 * On the embedded mode's first start, creates the demo practice's accounts and prints their
 * credentials once. Refuses to run on PostgreSQL, whatever the property says.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "haven.demo-data.enabled", havingValue = "true")
class DemoAccountsRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsRunner.class);

    private final DemoAccounts demoAccounts;
    private final Environment environment;

    DemoAccountsRunner(DemoAccounts demoAccounts, Environment environment) {
        this.demoAccounts = demoAccounts;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            log.warn("Demo data is only ever created in embedded mode; skipping it here");
            return;
        }
        Boolean created = demoAccounts.createOnce().block(Duration.ofMinutes(1));
        if (Boolean.TRUE.equals(created)) {
            StringBuilder credentials = new StringBuilder("Created the demo practice. Sign in with password '")
                    .append(DemoPractice.PASSWORD).append("' as:");
            DemoPractice.PEOPLE.forEach(person -> credentials.append("\n  ").append(person.role()).append("  ")
                    .append(person.email()));
            log.info(credentials.toString());
        }
    }
}
