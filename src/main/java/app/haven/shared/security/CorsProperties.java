package app.haven.shared.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web origins may call Haven from a browser ({@code HAVEN_CORS_ALLOWED_ORIGINS}, comma
 * separated, e.g. {@code https://app.example-practice.com}). None by default: a browser app served
 * from another origin is refused until it is listed. Bearer tokens, not cookies, so credentials are
 * never allowed across origins.
 *
 * @param allowedOrigins exact origins (scheme, host and port), no wildcards
 * @param maxAge         how long a browser may cache a preflight answer
 */
@ConfigurationProperties("haven.cors")
record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
}
