package app.haven.portal.application;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone                the zone of people who have not chosen one: mood days, quiet hours
 * @param livePollInterval    how often each instance looks for notifications other instances stored
 * @param dashboardPartTimeout how long the dashboard waits for one module before marking it missing
 * @param dueSoonWithin       how far ahead a worksheet counts as due soon
 */
@ConfigurationProperties("haven.portal")
public record PortalProperties(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("250ms") Duration livePollInterval,
        @DefaultValue("2s") Duration dashboardPartTimeout,
        @DefaultValue("24h") Duration dueSoonWithin) {
}
