package app.haven.identity.application.port.out;

import java.time.Duration;

import app.haven.identity.domain.Account;

/** Issues the short-lived signed access tokens every route checks. */
public interface AccessTokens {

    Issued issue(Account account);

    record Issued(String value, Duration lifetime) {
    }
}
