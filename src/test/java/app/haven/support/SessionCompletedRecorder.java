package app.haven.support;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.haven.patients.SessionCompleted;

/**
 * An ordinary listener in another module, as billing will be: records every {@link SessionCompleted}
 * that reaches it, by session. State is static like {@link ProbeListener}'s, as several test
 * applications may run side by side.
 */
@Component
public class SessionCompletedRecorder {

    private static final Map<UUID, SessionCompleted> RECEIVED = new ConcurrentHashMap<>();

    @ApplicationModuleListener
    void on(SessionCompleted completed) {
        RECEIVED.put(completed.sessionId(), completed);
    }

    public static Optional<SessionCompleted> received(UUID sessionId) {
        return Optional.ofNullable(RECEIVED.get(sessionId));
    }
}
