package app.haven.shared.audit;

import java.time.Instant;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.haven.shared.CursorPage;
import app.haven.shared.InvalidInputException;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

/** Administrators (and the auditors they answer to) read who looked at which clinical record. */
@RestController
@Validated
@PreAuthorize("hasRole('ADMIN')")
class AccessAuditController {

    private static final int MAX_LIMIT = 100;

    private final R2dbcAccessAudit audit;

    AccessAuditController(R2dbcAccessAudit audit) {
        this.audit = audit;
    }

    /** Newest first; {@code from} inclusive, {@code to} exclusive. */
    @GetMapping("/api/v1/admin/audit")
    Mono<CursorPage<Entry>> entries(@RequestParam(required = false) UUID subjectId,
            @RequestParam(required = false) UUID actorId, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) int limit) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("from must be before to");
        }
        int size = Math.min(limit, MAX_LIMIT);
        var query = new R2dbcAccessAudit.Query(subjectId, actorId, from, to);
        return audit.newestFirst(query, position(cursor), size + 1).collectList().map(rows -> {
            var page = rows.subList(0, Math.min(size, rows.size()));
            String next = rows.size() > size ? String.valueOf(page.get(page.size() - 1).position()) : null;
            return new CursorPage<>(page.stream().map(Entry::of).toList(), next);
        });
    }

    private static Long position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The cursor is not one this list handed out");
        }
    }

    /** Who read which record of whose, when and from where; never the content itself. */
    record Entry(UUID id, UUID actorId, String actorRole, UUID subjectId, String resource, String resourceId,
            Instant occurredAt, String origin) {
        static Entry of(R2dbcAccessAudit.AccessEntry entry) {
            return new Entry(entry.id(), entry.actorId(), entry.actorRole(), entry.subjectId(), entry.resource(),
                    entry.resourceId(), entry.occurredAt(), entry.origin());
        }
    }
}
