package app.haven.shared.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay and the redelivery of failed publications behave.
 *
 * @param relayEnabled   whether this instance relays staged events (off only in tests that
 *                       simulate a crash between commit and delivery)
 * @param relayInterval  how often pending outbox rows are looked for besides the wake-up after
 *                       each commit (crash recovery, other instances' rows)
 * @param sweepInterval  how often documents with a pending outbox are looked for
 * @param retryInterval  how often failed publications are handed to their listeners again
 * @param retryAfter     how old a failed publication must be before it is retried
 * @param keepRelayed    how long relayed outbox rows are kept for inspection
 */
@ConfigurationProperties("haven.events")
record EventsProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue("30s") Duration retryInterval,
        @DefaultValue("30s") Duration retryAfter,
        @DefaultValue("7d") Duration keepRelayed) {
}
