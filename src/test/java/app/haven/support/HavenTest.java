package app.haven.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole of Haven on random ports (HTTP and RSocket TCP), on the test stores. Test classes
 * sharing this annotation share one running application. Every JSON answer is scanned for
 * secrets ({@link ResponseSecrets}), and a test during which one leaked fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestSupportConfiguration.class)
@ExtendWith(ResponseSecrets.Check.class)
public @interface HavenTest {
}
