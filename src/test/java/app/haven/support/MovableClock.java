package app.haven.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock, unless a test has set the time or moved it on. A test application that
 * imports {@link Configuration} runs on it, so due dates and windows can pass without waiting.
 */
public class MovableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>();
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    /** From now on the time is {@code instant}; {@code null} returns to the system clock. */
    public void set(Instant instant) {
        now.set(instant);
    }

    /** Runs {@code by} ahead of the system clock from now on (cumulatively). */
    public void moveOn(Duration by) {
        ahead.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant set = now.get();
        return (set == null ? Instant.now() : set).plus(ahead.get());
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
