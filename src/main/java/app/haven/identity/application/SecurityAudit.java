package app.haven.identity.application;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.identity.application.port.out.SecurityLog;
import app.haven.shared.CursorPage;
import app.haven.shared.InvalidInputException;
import reactor.core.publisher.Mono;

/** Administrators read the sign-in audit, newest first. */
@Service
public class SecurityAudit {

    private final SecurityLog log;

    SecurityAudit(SecurityLog log) {
        this.log = log;
    }

    public Mono<CursorPage<Entry>> page(String cursor, int limit) {
        Long before = decode(cursor);
        return log.newestFirst(before, limit + 1).collectList().map(entries -> {
            var items = entries.subList(0, Math.min(limit, entries.size()));
            String next = entries.size() > limit ? String.valueOf(items.get(items.size() - 1).position()) : null;
            return new CursorPage<>(items.stream().map(Entry::of).toList(), next);
        });
    }

    /** One audit entry as administrators read it. */
    public record Entry(UUID id, String type, UUID accountId, String address, String userAgent, Instant occurredAt) {
        static Entry of(SecurityLog.Entry entry) {
            var event = entry.event();
            return new Entry(event.id(), event.type().name(), event.accountId(), event.address(), event.userAgent(),
                    event.occurredAt());
        }
    }

    private static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The cursor is not one this list handed out");
        }
    }
}
