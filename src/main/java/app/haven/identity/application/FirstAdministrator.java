package app.haven.identity.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import app.haven.identity.application.port.out.AccountStore;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/**
 * A new deployment gets its first administrator from configuration, once: only while no
 * administrator exists, so a later change of the configured password changes nothing.
 */
@Service
public class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final RequestOrigin CONFIGURATION = new RequestOrigin("configuration", "haven");

    private final AccountStore accounts;
    private final Registration registration;

    FirstAdministrator(AccountStore accounts, Registration registration) {
        this.accounts = accounts;
        this.registration = registration;
    }

    public Mono<Boolean> ensure(String email, String password) {
        return accounts.anyWithRole(Role.ADMIN).flatMap(exists -> {
            if (exists) {
                return Mono.just(false);
            }
            return registration.create(new Registration.Create(email, password, "Practice", "Administrator",
                            Role.ADMIN), CONFIGURATION)
                    .doOnNext(admin -> log.info("Created the first administrator {}", admin.email()))
                    .thenReturn(true);
        });
    }
}
