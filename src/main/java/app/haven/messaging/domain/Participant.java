package app.haven.messaging.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person in a conversation: their role in it, and their own state there. {@code lastReadSeq} is
 * the sequence number of the last message they have read; it only ever moves forward.
 */
public record Participant(UUID userId, ParticipantRole role, Instant joinedAt, Instant leftAt, long lastReadSeq,
        Instant lastReadAt, boolean muted, boolean archived) {

    public Participant {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    public static Participant joining(UUID userId, ParticipantRole role, Instant now, long readThroughSeq) {
        return new Participant(userId, role, now, null, readThroughSeq, now, false, false);
    }

    public boolean isPresent() {
        return leftAt == null;
    }

    /**
     * Whether message {@code seq} is the first this person has not read, so that telling them about
     * it starts an unread stretch. Not when they read it already (the alert is decided after the
     * send, and they may have read on or replied since), nor when an earlier message is still
     * unread (they were told about that one), nor when they muted the conversation.
     */
    public boolean wouldBeAlertedOf(long seq) {
        return isPresent() && !muted && lastReadSeq == seq - 1;
    }

    public boolean moderates() {
        return role == ParticipantRole.MODERATOR || role == ParticipantRole.ADMIN;
    }
}
