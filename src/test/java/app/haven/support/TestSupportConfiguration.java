package app.haven.support;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Test-only beans. The probe controllers and listeners of this package are found by component
 * scanning, as test classes share the application's package.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    SlowRequestDiagnostics slowRequestDiagnostics() {
        return new SlowRequestDiagnostics();
    }

    @Bean
    ResponseSecrets.Scan responseSecretsScan() {
        return new ResponseSecrets.Scan();
    }

    @Bean
    RSocketServerCustomizer rsocketSecretsScan() {
        return ResponseSecrets.rsocketScan();
    }

    @Bean
    TestTokens testTokens(JwtEncoder jwtEncoder) {
        return new TestTokens(jwtEncoder);
    }

    @Bean
    TestPeople testPeople(TestTokens testTokens, ObjectProvider<WebTestClient> http) {
        return new TestPeople(testTokens, http);
    }
}
