package app.haven.messaging.adapter.in.schedule;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.haven.messaging.application.RelayStrandedMessages;

/** Looks for messages whose event a crash left unrelayed, at start and then every little while. */
@Component
class OutboxSweepSchedule {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweepSchedule.class);

    private final RelayStrandedMessages relay;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean ready;

    OutboxSweepSchedule(RelayStrandedMessages relay, Clock clock) {
        this.relay = relay;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ready = true;
        sweep();
    }

    @Scheduled(fixedDelayString = "${haven.events.sweep-interval:10s}")
    void sweep() {
        if (!ready || !running.compareAndSet(false, true)) {
            return;
        }
        relay.sweep(clock.instant())
                .doOnError(e -> log.warn("Message outbox sweep failed; the next one retries", e))
                .onErrorComplete()
                .doFinally(signal -> running.set(false))
                .subscribe();
    }
}
