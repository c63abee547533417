package app.haven.shared;

import java.time.Duration;

/**
 * The caller is going too fast (too many failed sign-ins, registrations, reset requests): it
 * answers 429 with a {@code Retry-After} of {@link #retryAfter()}, and nothing is attempted.
 */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
