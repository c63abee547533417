package app.haven.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.rsocket.server.LocalRSocketServerPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import app.haven.support.HavenTest;
import app.haven.support.RSocketClients;
import app.haven.support.TestTokens;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.rsocket.transport.netty.client.TcpClientTransport;
import reactor.netty.http.client.HttpClient;
import reactor.netty.tcp.TcpClient;

/**
 * Haven serves HTTPS and RSocket over TLS from one configured SSL bundle, as the README's TLS
 * section describes; here with a self-signed certificate made by the JDK's keytool for this run.
 * Over HTTPS every response also carries HSTS.
 */
@HavenTest
class TlsIT {

    private static final String PASSWORD = "test-only-keystore";
    private static final Path KEYSTORE = Path.of("target", "tls", "haven-test-" + UUID.randomUUID() + ".p12");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired TestTokens tokens;
    @Autowired RSocketRequester.Builder rsocket;
    @Autowired RSocketStrategies strategies;
    @LocalServerPort int httpsPort;
    @LocalRSocketServerPort int rsocketPort;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry properties) throws Exception {
        selfSignedCertificate();
        properties.add("spring.ssl.bundle.jks.haven.keystore.location", () -> "file:" + KEYSTORE.toAbsolutePath());
        properties.add("spring.ssl.bundle.jks.haven.keystore.password", () -> PASSWORD);
        properties.add("spring.ssl.bundle.jks.haven.keystore.type", () -> "PKCS12");
        properties.add("server.ssl.bundle", () -> "haven");
        properties.add("spring.rsocket.server.ssl.bundle", () -> "haven");
    }

    @Test
    void httpsServesTheApiWithHsts() throws Exception {
        SslContext trust = trusting(certificate());
        WebClient https = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .secure(spec -> spec.sslContext(trust))))
                .build();
        var response = https.get().uri("https://localhost:" + httpsPort + "/api/v1/conversations")
                .headers(h -> h.setBearerAuth(tokens.of(UUID.randomUUID(), Role.CLIENT)))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().toEntity(String.class).block(TIMEOUT);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getFirst("Strict-Transport-Security"))
                .contains("max-age=31536000", "includeSubDomains");
    }

    @Test
    void plainHttpAndAnUntrustedCertificateGetNoAnswer() {
        WebClient plain = WebClient.create();
        assertThatThrownBy(() -> plain.get().uri("http://localhost:" + httpsPort + "/actuator/health")
                .retrieve().toBodilessEntity().block(TIMEOUT)).isNotNull();

        WebClient trustingNothingSpecial = WebClient.create();
        assertThatThrownBy(() -> trustingNothingSpecial.get().uri("https://localhost:" + httpsPort + "/actuator/health")
                .retrieve().toBodilessEntity().block(TIMEOUT))
                .hasStackTraceContaining("certification path");
    }

    @Test
    void rsocketOverTcpIsEncryptedToo() throws Exception {
        SslContext trust = trusting(certificate());
        RSocketRequester requester = rsocket
                .rsocketStrategies(strategies.mutate().encoder(new BearerTokenAuthenticationEncoder()).build())
                .dataMimeType(MediaType.APPLICATION_JSON)
                .setupMetadata(new BearerTokenMetadata(tokens.of(UUID.randomUUID(), Role.CLIENT)),
                        RSocketClients.AUTHENTICATION)
                .transport(TcpClientTransport.create(TcpClient.create().host("localhost").port(rsocketPort)
                        .secure(spec -> spec.sslContext(trust))));
        try {
            Echo echo = requester.route("probe.echo").data(new Echo("over tls", null)).retrieveMono(Echo.class)
                    .block(TIMEOUT);
            assertThat(echo.text()).isEqualTo("over tls");
        } finally {
            requester.dispose();
        }
    }

    record Echo(String text, UUID callerId) {
    }

    private static SslContext trusting(X509Certificate certificate) throws IOException {
        return SslContextBuilder.forClient().trustManager(certificate).build();
    }

    private static X509Certificate certificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEYSTORE)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return (X509Certificate) store.getCertificate("haven");
    }

    private static void selfSignedCertificate() throws Exception {
        Files.createDirectories(KEYSTORE.getParent());
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "haven",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", KEYSTORE.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
