package app.haven.shared;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * The access audit trail: every read of clinical content is recorded here (who, whose record,
 * which record, when). The returned {@code Mono} completes once the entry is stored; callers
 * record before they answer, so a read that cannot be audited is not served.
 */
public interface AccessAudit {

    /**
     * @param subjectId  the client the content belongs to, or {@code null} when it is not one
     *                   client's (a group conversation)
     * @param resourceId the id of what was read: a client, a session, a conversation
     */
    Mono<Void> recordRead(Caller reader, UUID subjectId, AuditedResource resource, String resourceId);

    /** What kind of clinical content was read. */
    enum AuditedResource {
        CLIENT_RECORD, SESSION_NOTES, MESSAGES, WORKSHEET, WORKSHEET_FILE, ASSESSMENT
    }
}
