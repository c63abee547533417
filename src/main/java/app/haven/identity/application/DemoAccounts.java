package app.haven.identity.application;

import org.springframework.stereotype.Service;

import app.haven.identity.DemoPractice;
import app.haven.identity.application.port.out.AccountStore;
import app.haven.identity.domain.EmailAddress;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creates the demo practice's accounts, once: nothing happens if its administrator exists. */
@Service
public class DemoAccounts {

    private static final RequestOrigin DEMO = new RequestOrigin("demo-data", "haven");

    private final AccountStore accounts;
    private final Registration registration;

    DemoAccounts(AccountStore accounts, Registration registration) {
        this.accounts = accounts;
        this.registration = registration;
    }

    public Mono<Boolean> createOnce() {
        return accounts.byEmail(EmailAddress.of(DemoPractice.ADMIN.email()))
                .map(existing -> false)
                .switchIfEmpty(Flux.fromIterable(DemoPractice.PEOPLE)
                        .concatMap(person -> registration.create(new Registration.Create(person.email(),
                                DemoPractice.PASSWORD, person.firstName(), person.lastName(), person.role()), DEMO))
                        .then(Mono.just(true)));
    }
}
