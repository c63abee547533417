package app.haven.shared.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands publications whose listener failed back to that listener, so a passing fault (a store
 * briefly down) heals without anyone acting. Listeners are idempotent, so a retry that races a
 * late success does no harm.
 */
@Component
class FailedPublicationRetry {

    private static final Logger log = LoggerFactory.getLogger(FailedPublicationRetry.class);

    private final FailedEventPublications failed;
    private final EventsProperties properties;

    FailedPublicationRetry(FailedEventPublications failed, EventsProperties properties) {
        this.failed = failed;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${haven.events.retry-interval:30s}",
            initialDelayString = "${haven.events.retry-interval:30s}")
    void retry() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withMinAge(properties.retryAfter()));
        } catch (RuntimeException e) {
            log.warn("Resubmitting failed event publications failed; the next run retries", e);
        }
    }
}
