package app.haven.messaging.adapter.in.schedule;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.moments.HourHasPassed;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

import app.haven.messaging.application.StreamInbox;

/** Every hour, recorded live events past their retention are forgotten (Spring Modulith Moments). */
@Component
class LiveEventRetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(LiveEventRetentionSchedule.class);
    private static final Duration PASS_TIMEOUT = Duration.ofMinutes(10);

    private final StreamInbox inbox;
    private final Clock clock;

    LiveEventRetentionSchedule(StreamInbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Async
    @EventListener
    void on(HourHasPassed hour) {
        Long forgotten = inbox.forgetOldEvents(clock.instant()).block(PASS_TIMEOUT);
        log.debug("Forgot {} live events past their retention", forgotten);
    }
}
