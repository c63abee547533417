package app.haven.identity.application;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in policy.
 *
 * @param refreshTokenLifetime how long a refresh token may be used (each use replaces it)
 * @param failedSignInLimit    failed sign-ins for one account within {@code throttleWindow} before
 *                             further attempts are refused for the rest of the window
 * @param failedSignInLimitPerAddress the same from one network address, across accounts
 * @param throttleWindow       the window those limits count in
 * @param registrationsPerAddressPerHour registrations accepted from one address in an hour
 * @param resetRequestsPerAddressPerHour password-reset requests accepted from one address in an hour
 * @param publicUrl            where people open the links in Haven's mail
 */
@ConfigurationProperties("haven.identity")
public record IdentityProperties(
        @DefaultValue("14d") Duration refreshTokenLifetime,
        @DefaultValue("5") int failedSignInLimit,
        @DefaultValue("20") int failedSignInLimitPerAddress,
        @DefaultValue("15m") Duration throttleWindow,
        @DefaultValue("10") int registrationsPerAddressPerHour,
        @DefaultValue("5") int resetRequestsPerAddressPerHour,
        @DefaultValue("http://localhost:8080") URI publicUrl) {
}
