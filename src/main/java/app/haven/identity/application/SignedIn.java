package app.haven.identity.application;

import java.time.Duration;

import app.haven.identity.domain.Account;

/** A successful sign-in or refresh: the new token pair and whose it is. */
public record SignedIn(String accessToken, Duration accessTokenLifetime, String refreshToken, Account account) {
}
