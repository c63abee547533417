package app.haven.portal.adapter.in.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.moments.DayHasPassed;
import org.springframework.modulith.moments.HourHasPassed;
import org.springframework.stereotype.Component;

import app.haven.portal.application.TimedNotifications;
import reactor.core.publisher.Mono;

/** Time's notifications on Spring Modulith Moments: reminders and due-soon hourly, digests daily. */
@Component
class NotificationSchedule {

    private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);

    private final TimedNotifications timed;

    NotificationSchedule(TimedNotifications timed) {
        this.timed = timed;
    }

    @EventListener
    void on(HourHasPassed hour) {
        run("session reminders and due-soon worksheets",
                timed.remindOfSessions().then(timed.warnOfWorksheetsDueSoon()));
    }

    @EventListener
    void on(DayHasPassed day) {
        run("message digests", timed.sendMessageDigests());
    }

    private static void run(String what, Mono<Void> work) {
        work.subscribe(null, failure -> log.warn("Sending {} failed; the next run tries again", what, failure));
    }
}
