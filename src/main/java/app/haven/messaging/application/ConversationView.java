package app.haven.messaging.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.Participant;

/**
 * A conversation as one of its participants sees it: the people in it, and their own unread
 * count, mute and archive flags.
 */
public record ConversationView(String id, String type, String title, UUID sessionId,
        List<ParticipantView> participants, Instant createdAt, Instant lastMessageAt, boolean readOnly,
        boolean muted, boolean archived, long unreadCount, LastMessage lastMessage) {

    /** As everyone in it sees it alike, for live events: no one's own flags or counts. */
    public static ConversationView shared(Conversation conversation) {
        return of(conversation, null);
    }

    /**
     * As {@code viewer} sees it. Someone who is not in it (staff opening a session's conversation
     * for its client and therapist) learns that it exists and who is in it, never what was said.
     */
    public static ConversationView of(Conversation conversation, UUID viewer) {
        Participant me = viewer == null ? null : conversation.participants().get(viewer);
        var preview = conversation.lastMessage();
        return new ConversationView(conversation.id(), conversation.type().name(), conversation.title(),
                conversation.sessionId(),
                conversation.participants().values().stream().filter(Participant::isPresent)
                        .sorted(Comparator.comparing(Participant::joinedAt).thenComparing(Participant::userId))
                        .map(ParticipantView::of).toList(),
                conversation.createdAt(), conversation.lastMessageAt(), conversation.readOnly(),
                me != null && me.muted(), me != null && me.archived(), viewer == null ? 0 : conversation.unreadFor(viewer),
                preview == null || viewer != null && me == null ? null : new LastMessage(preview.messageId(), preview.senderId(), preview.type().name(),
                        preview.content(), preview.createdAt()));
    }

    public record ParticipantView(UUID userId, String role, Instant joinedAt) {
        static ParticipantView of(Participant participant) {
            return new ParticipantView(participant.userId(), participant.role().name(), participant.joinedAt());
        }
    }

    /** The latest message as the list shows it; {@code content} is null when it was deleted. */
    public record LastMessage(String id, UUID senderId, String type, String content, Instant createdAt) {
    }
}
