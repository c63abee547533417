package app.haven.support;

import java.util.UUID;

/**
 * A test-only event that tells {@link ProbeListener} how to behave: fail a number of times
 * first, or hang on its first delivery (a crash in the middle of handling).
 */
public record ProbeHappened(UUID id, int failuresFirst, long hangFirstMillis) {

    public static ProbeHappened plain() {
        return new ProbeHappened(UUID.randomUUID(), 0, 0);
    }

    public static ProbeHappened failingFirst(int failures) {
        return new ProbeHappened(UUID.randomUUID(), failures, 0);
    }

    public static ProbeHappened hangingFirst(long millis) {
        return new ProbeHappened(UUID.randomUUID(), 0, millis);
    }
}
