package app.haven.shared.rsocket;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import io.rsocket.core.Resume;
import io.rsocket.resume.InMemoryResumableFramesStore;

/**
 * RSocket resumption on both transports: a client whose connection drops (a phone changing
 * networks) reconnects within {@code haven.rsocket.resume-session} and carries on where it was,
 * its open streams included, with the frames sent meanwhile replayed from a buffer of
 * {@code haven.rsocket.resume-buffer} per connection. Longer gaps fall back to subscribing again
 * with {@code since}.
 */
@Configuration(proxyBeanMethods = false)
class RSocketResumption {

    @Bean
    RSocketServerCustomizer resumableSessions(@Value("${haven.rsocket.resume-session:2m}") Duration session,
            @Value("${haven.rsocket.resume-buffer:1MB}") DataSize buffer) {
        return server -> server.resume(new Resume()
                .sessionDuration(session)
                .cleanupStoreOnKeepAlive()
                .storeFactory(token -> new InMemoryResumableFramesStore("server", token, (int) buffer.toBytes())));
    }
}
