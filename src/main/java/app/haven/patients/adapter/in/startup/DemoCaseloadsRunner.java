package app.haven.patients.adapter.in.startup;

import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import app.haven.identity.Accounts;
import app.haven.identity.DemoPractice;
import app.haven.patients.application.AssignTherapist;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives each demo client their demo therapist, after the identity module created the accounts.
 * Assigning the same pair again changes nothing, so a restart is harmless.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "haven.demo-data.enabled", havingValue = "true")
class DemoCaseloadsRunner implements ApplicationRunner {

    private final Accounts accounts;
    private final AssignTherapist assignTherapist;
    private final Environment environment;

    DemoCaseloadsRunner(Accounts accounts, AssignTherapist assignTherapist, Environment environment) {
        this.accounts = accounts;
        this.assignTherapist = assignTherapist;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            return;
        }
        Flux.fromIterable(DemoPractice.ASSIGNMENTS)
                .concatMap(pair -> Mono.zip(accounts.findByEmail(pair[0].email()), accounts.findByEmail(pair[1].email()))
                        .flatMap(found -> assignTherapist.assign(
                                new AssignTherapist.Command(found.getT1().id(), found.getT2().id()))))
                .then()
                .block(Duration.ofMinutes(1));
    }
}
