package app.haven.messaging.adapter.in.schedule;

import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.moments.DayHasPassed;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

import app.haven.messaging.application.PurgeExpiredMessages;

/** Once a day, retention purges the messages that have expired (Spring Modulith Moments). */
@Component
class RetentionSchedule {

    private static final Duration PASS_TIMEOUT = Duration.ofHours(1);

    private final PurgeExpiredMessages purge;
    private final java.time.Clock clock;

    RetentionSchedule(PurgeExpiredMessages purge, java.time.Clock clock) {
        this.purge = purge;
        this.clock = clock;
    }

    /** On a worker thread: a pass over every conversation may take a while and must not hold the clock's thread. */
    @Async
    @EventListener
    void on(DayHasPassed day) {
        purge.purge(clock.instant()).block(PASS_TIMEOUT);
    }
}
