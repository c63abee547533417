package app.haven.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.haven.identity.application.port.out.SecurityLog;
import app.haven.identity.domain.SecurityEventType;
import app.haven.shared.TooManyRequestsException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sliding-window limits read from the sign-in audit, so they hold across instances and restarts.
 * A refused attempt is refused before any password is checked.
 */
@Component
class Throttle {

    private static final Duration HOUR = Duration.ofHours(1);

    private final SecurityLog log;
    private final IdentityProperties properties;
    private final Clock clock;

    Throttle(SecurityLog log, IdentityProperties properties, Clock clock) {
        this.log = log;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Void> failedSignInsFrom(RequestOrigin origin) {
        Duration window = properties.throttleWindow();
        return limit(log.timesFrom(SecurityEventType.SIGN_IN_FAILED, origin.address(), clock.instant().minus(window)),
                properties.failedSignInLimitPerAddress(), window, "Too many failed sign-ins from your network.");
    }

    Mono<Void> failedSignInsFor(UUID accountId) {
        Duration window = properties.throttleWindow();
        return limit(log.timesFor(SecurityEventType.SIGN_IN_FAILED, accountId, clock.instant().minus(window)),
                properties.failedSignInLimit(), window, "Too many failed sign-ins for this account.");
    }

    /** Whether the failure just recorded was the one that reached the account's limit. */
    Mono<Boolean> reachedLimit(UUID accountId) {
        return log.timesFor(SecurityEventType.SIGN_IN_FAILED, accountId, clock.instant().minus(properties.throttleWindow()))
                .count()
                .map(failures -> failures == properties.failedSignInLimit());
    }

    Mono<Void> registrationsFrom(RequestOrigin origin) {
        return limit(log.timesFrom(SecurityEventType.REGISTERED, origin.address(), clock.instant().minus(HOUR)),
                properties.registrationsPerAddressPerHour(), HOUR, "Too many registrations from your network.");
    }

    Mono<Void> resetRequestsFrom(RequestOrigin origin) {
        return limit(log.timesFrom(SecurityEventType.PASSWORD_RESET_REQUESTED, origin.address(),
                        clock.instant().minus(HOUR)),
                properties.resetRequestsPerAddressPerHour(), HOUR, "Too many password reset requests from your network.");
    }

    private Mono<Void> limit(Flux<Instant> oldestFirst, int limit, Duration window, String detail) {
        return oldestFirst.collectList().flatMap(times -> times.size() < limit
                ? Mono.<Void>empty()
                : Mono.error(new TooManyRequestsException(detail, retryAfter(times, limit, window))));
    }

    /** When enough of the counted events have left the window for one more attempt to fit. */
    private Duration retryAfter(List<Instant> oldestFirst, int limit, Duration window) {
        Instant leaving = oldestFirst.get(oldestFirst.size() - limit);
        return Duration.between(clock.instant(), leaving.plus(window));
    }
}
