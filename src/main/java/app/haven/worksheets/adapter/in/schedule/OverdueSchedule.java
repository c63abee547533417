package app.haven.worksheets.adapter.in.schedule;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.moments.HourHasPassed;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

import app.haven.worksheets.application.MarkOverdueWorksheets;

/**
 * Every hour (Spring Modulith Moments), and once at start to catch up after downtime, worksheets
 * whose due date passed unsubmitted turn PAST_DUE and are announced. Reads already show them as
 * past due the moment the date passes; this records it and tells the other modules.
 */
@Component
class OverdueSchedule {

    private static final Logger log = LoggerFactory.getLogger(OverdueSchedule.class);
    private static final Duration PASS_TIMEOUT = Duration.ofMinutes(30);

    private final MarkOverdueWorksheets overdue;
    private final Clock clock;

    OverdueSchedule(MarkOverdueWorksheets overdue, Clock clock) {
        this.overdue = overdue;
        this.clock = clock;
    }

    /** On a worker thread: a sweep may take a while and must not hold the clock's or the starter's thread. */
    @Async
    @EventListener({ HourHasPassed.class, ApplicationReadyEvent.class })
    void sweep() {
        Long turned = overdue.sweep(clock.instant()).block(PASS_TIMEOUT);
        if (turned != null && turned > 0) {
            log.info("{} worksheets turned past due", turned);
        }
    }
}
