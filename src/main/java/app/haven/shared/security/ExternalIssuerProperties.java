package app.haven.shared.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens from an external OpenID Connect issuer (configured with
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, e.g. a practice's Keycloak realm)
 * name the Haven account and its role.
 *
 * @param accountIdClaim the claim holding the Haven account id (a UUID); Keycloak's {@code sub}
 *                       when users are imported with their Haven ids, or a mapped attribute
 * @param roleClaim      the claim, as a dotted path, holding the role or a list of roles; the first
 *                       value naming a Haven role (any letter case) counts. Keycloak realm roles:
 *                       {@code realm_access.roles}
 */
@ConfigurationProperties("haven.security.oidc")
record ExternalIssuerProperties(
        @DefaultValue("sub") String accountIdClaim,
        @DefaultValue("role") String roleClaim) {
}
