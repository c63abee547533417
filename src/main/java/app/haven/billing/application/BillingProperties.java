package app.haven.billing.application;

import java.math.BigDecimal;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param currency       the ISO 4217 currency of every amount
 * @param lateCancelFee  charged when a session is cancelled less than a day ahead; 0 for none
 * @param noShowFee      charged when the client misses a session; 0 for none
 * @param zone           the practice's time zone, which decides a session's service date and
 *                       where a statement's month begins and ends
 * @param practice       the practice as superbills name it; a missing part is listed on each
 *                       superbill instead of being printed blank
 */
@ConfigurationProperties("haven.billing")
public record BillingProperties(
        @DefaultValue("USD") String currency,
        @DefaultValue("50.00") BigDecimal lateCancelFee,
        @DefaultValue("75.00") BigDecimal noShowFee,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue Practice practice) {

    /**
     * @param taxId the practice's employer identification number (EIN), as on its claims
     */
    public record Practice(String name, String taxId, String phone, @DefaultValue Address address) {
    }

    public record Address(String line1, String line2, String city, String region, String postalCode,
            String country) {
    }
}
