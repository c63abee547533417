package app.haven.messaging.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param editWindow how long after sending the sender may still edit a message
 * @param retention  how long messages are kept; older ones are purged daily unless the
 *                   conversation is under a legal hold
 * @param liveBuffer how many live events a slow subscriber may fall behind before its stream ends
 * @param liveReplayWindow how long after an event a subscriber may resume after its cursor; an older
 *                   cursor is refused and the app reloads over REST. MongoDB's oplog must reach
 *                   back at least this far (the embedded server's {@code oplog-window} does)
 * @param liveEventRetention how long a recorded live event is kept; subscribers read events from the
 *                   change stream (MongoDB's oplog, which also bounds how far back a cursor resumes),
 *                   never from the collection, so this only bounds the collection's size
 * @param sendBurst  how many messages one person may send at once before the rate applies
 * @param sendsPerMinute the rate at which a person's allowance refills
 * @param maxConnectionsPerPerson how many RSocket connections one person may hold open on an instance
 * @param liveReplayCapacity at most how many recent events the embedded store's in-process live
 *                   events keep for resuming subscribers, within {@code liveReplayWindow}
 */
@ConfigurationProperties("haven.messaging")
public record MessagingProperties(
        @DefaultValue("15m") Duration editWindow,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("1024") int liveBuffer,
        @DefaultValue("1h") Duration liveReplayWindow,
        @DefaultValue("1h") Duration liveEventRetention,
        @DefaultValue("30") int sendBurst,
        @DefaultValue("60") int sendsPerMinute,
        @DefaultValue("20") int maxConnectionsPerPerson,
        @DefaultValue("20000") int liveReplayCapacity) {
}
