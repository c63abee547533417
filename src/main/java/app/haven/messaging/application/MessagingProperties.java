package app.haven.messaging.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param editWindow how long after sending the sender may still edit a message
 * @param retention  how long messages are kept; older ones are purged daily unless the
 *                   conversation is under a legal hold
 * @param liveBuffer how many live events a slow subscriber may fall behind before its stream ends
 * @param sendBurst  how many messages one person may send at once before the rate applies
 * @param sendsPerMinute the rate at which a person's allowance refills
 * @param maxConnectionsPerPerson how many RSocket connections one person may hold open on an instance
 */
@ConfigurationProperties("haven.messaging")
public record MessagingProperties(
        @DefaultValue("15m") Duration editWindow,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("1024") int liveBuffer,
        @DefaultValue("30") int sendBurst,
        @DefaultValue("60") int sendsPerMinute,
        @DefaultValue("20") int maxConnectionsPerPerson) {
}
