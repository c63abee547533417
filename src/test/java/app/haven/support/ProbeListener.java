package app.haven.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.haven.messaging.ConversationCreated;

/**
 * An ordinary Spring Modulith listener that records what reached it. State is static because the
 * crash tests start and stop whole applications and inspect what each delivered.
 */
@Component
public class ProbeListener {

    private static final CountDownLatch CRASHED = new CountDownLatch(1);
    private static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static final Map<UUID, Integer> HANDLED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CONVERSATIONS_CREATED = new ConcurrentHashMap<>();

    @ApplicationModuleListener
    void on(ProbeHappened probe) throws InterruptedException {
        int attempt = ATTEMPTS.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet();
        if (attempt == 1 && probe.hangFirstMillis() > 0) {
            CRASHED.await(probe.hangFirstMillis(), TimeUnit.MILLISECONDS);
        }
        if (attempt <= probe.failuresFirst()) {
            throw new IllegalStateException("Probe listener fails on attempt " + attempt);
        }
        HANDLED.merge(probe.id(), 1, Integer::sum);
    }

    @ApplicationModuleListener
    void on(ConversationCreated created) {
        CONVERSATIONS_CREATED.computeIfAbsent(created.conversationId(), id -> new AtomicInteger()).incrementAndGet();
    }

    /** Lets listeners hanging in a stopped application return, as if their thread had died. */
    public static void releaseHungListeners() {
        CRASHED.countDown();
    }

    public static int attempts(UUID probe) {
        AtomicInteger attempts = ATTEMPTS.get(probe);
        return attempts == null ? 0 : attempts.get();
    }

    /** How many times the probe was handled successfully. */
    public static int handled(UUID probe) {
        return HANDLED.getOrDefault(probe, 0);
    }

    public static int conversationCreatedDeliveries(String conversationId) {
        AtomicInteger deliveries = CONVERSATIONS_CREATED.get(conversationId);
        return deliveries == null ? 0 : deliveries.get();
    }
}
