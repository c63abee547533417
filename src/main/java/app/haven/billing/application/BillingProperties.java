package app.haven.billing.application;

import java.math.BigDecimal;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param currency       the ISO 4217 currency of every amount
 * @param lateCancelFee  charged when a session is cancelled less than a day ahead; 0 for none
 * @param noShowFee      charged when the client misses a session; 0 for none
 * @param zone           the practice's time zone, which decides a session's service date
 */
@ConfigurationProperties("haven.billing")
public record BillingProperties(
        @DefaultValue("USD") String currency,
        @DefaultValue("50.00") BigDecimal lateCancelFee,
        @DefaultValue("75.00") BigDecimal noShowFee,
        @DefaultValue("UTC") ZoneId zone) {
}
