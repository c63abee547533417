package app.haven.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.haven.worksheets.WorksheetOverdue;

/** A listener in another module, as notifications will be: counts each {@link WorksheetOverdue} per worksheet. */
@Component
public class WorksheetOverdueRecorder {

    private static final Map<UUID, AtomicInteger> RECEIVED = new ConcurrentHashMap<>();

    @ApplicationModuleListener
    void on(WorksheetOverdue overdue) {
        RECEIVED.computeIfAbsent(overdue.worksheetId(), id -> new AtomicInteger()).incrementAndGet();
    }

    public static int received(UUID worksheetId) {
        AtomicInteger count = RECEIVED.get(worksheetId);
        return count == null ? 0 : count.get();
    }
}
