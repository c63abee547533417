package app.haven.shared;

import java.util.Collection;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * The access audit trail: every read of clinical content is recorded here (who, whose record,
 * which record, when). The returned {@code Mono} completes once the entry is stored; callers
 * record before they answer, so a read that cannot be audited is not served.
 */
public interface AccessAudit {

    /**
     * @param subjectId  the client the content belongs to, or {@code null} when it is no one's in
     *                   particular
     * @param resourceId the id of what was read: a client, a session, a conversation, a message
     */
    Mono<Void> recordRead(Caller reader, UUID subjectId, AuditedResource resource, String resourceId);

    /**
     * One read of content that belongs to several people, such as a conversation's messages: an
     * entry for each of them, so that asking for any one of them finds it; one entry without a
     * subject when there is nobody.
     */
    Mono<Void> recordRead(Caller reader, Collection<UUID> subjectIds, AuditedResource resource, String resourceId);

    /** What kind of clinical content was read. */
    enum AuditedResource {
        CLIENT_RECORD, SESSION_NOTES, MESSAGES, WORKSHEET, WORKSHEET_FILE, ASSESSMENT
    }
}
