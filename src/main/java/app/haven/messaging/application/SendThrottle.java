package app.haven.messaging.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.haven.shared.PerPersonRateLimit;
import reactor.core.publisher.Mono;

/**
 * How fast one person may send: {@code haven.messaging.send-burst} messages at once, refilled at
 * {@code sends-per-minute}, so a runaway client or script cannot flood a conversation. Retries of a
 * send that was already stored are not counted.
 */
@Component
class SendThrottle {

    private final PerPersonRateLimit limit;

    SendThrottle(MessagingProperties properties, Clock clock) {
        this.limit = new PerPersonRateLimit(properties.sendBurst(), properties.sendsPerMinute(), Duration.ofMinutes(1),
                "You are sending messages faster than Haven accepts them.", clock);
    }

    Mono<Void> admit(UUID senderId) {
        return limit.admit(senderId);
    }
}
