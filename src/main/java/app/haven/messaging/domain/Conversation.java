package app.haven.messaging.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.haven.shared.InvalidInputException;

/**
 * A conversation and the people in it.
 * <p>
 * Every message gets the next number of the conversation's sequence ({@code lastSeq}), so a
 * message's key, a page of history and an unread count are all arithmetic on sequence numbers.
 * {@code uniqueKey} makes "a second DIRECT between the same two people returns the existing one"
 * hold under concurrency: for a DIRECT conversation it is derived from the pair, for a SESSION
 * conversation from the session, for every other type it is the conversation's own id. Retention
 * has removed every message up to {@code purgedThroughSeq}; history ends there.
 */
public record Conversation(String id, ConversationType type, String title, UUID sessionId,
        Map<UUID, Participant> participants, String uniqueKey, Instant createdAt, long lastSeq,
        Instant lastMessageAt, MessagePreview lastMessage, boolean readOnly, LegalHold legalHold,
        long purgedThroughSeq) {

    public static final int MAX_TITLE = 200;

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(uniqueKey, "uniqueKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastMessageAt, "lastMessageAt");
        participants = Map.copyOf(participants);
        if (participants.isEmpty()) {
            throw new InvalidInputException("A conversation has participants");
        }
        if (title != null && (title.isBlank() || title.length() > MAX_TITLE)) {
            throw new InvalidInputException("title", "A title has 1 to " + MAX_TITLE + " characters");
        }
    }

    /** The one DIRECT conversation between two people; both take part as members. */
    public static Conversation direct(String id, UUID one, UUID other, Instant now) {
        if (one.equals(other)) {
            throw new InvalidInputException("participantIds", "A direct conversation needs two different people");
        }
        return opened(id, ConversationType.DIRECT, null, null, Map.of(
                one, Participant.joining(one, ParticipantRole.MEMBER, now, 0),
                other, Participant.joining(other, ParticipantRole.MEMBER, now, 0)), directKey(one, other), now);
    }

    /** A GROUP or SUPPORT conversation: its creator administers it, everyone else is a member. */
    public static Conversation group(String id, ConversationType type, String title, UUID creator, Set<UUID> others,
            Instant now) {
        if (type != ConversationType.GROUP && type != ConversationType.SUPPORT) {
            throw new IllegalArgumentException(type + " is not a group conversation");
        }
        Map<UUID, Participant> people = new LinkedHashMap<>();
        people.put(creator, Participant.joining(creator, ParticipantRole.ADMIN, now, 0));
        others.stream().filter(other -> !other.equals(creator))
                .forEach(other -> people.put(other, Participant.joining(other, ParticipantRole.MEMBER, now, 0)));
        return opened(id, type, title, null, people, id, now);
    }

    /** The conversation of one therapy session, between its client and therapist. */
    public static Conversation ofSession(String id, UUID sessionId, UUID clientId, UUID therapistId, Instant now) {
        return opened(id, ConversationType.SESSION, null, sessionId, Map.of(
                therapistId, Participant.joining(therapistId, ParticipantRole.MODERATOR, now, 0),
                clientId, Participant.joining(clientId, ParticipantRole.MEMBER, now, 0)), "session:" + sessionId, now);
    }

    private static Conversation opened(String id, ConversationType type, String title, UUID sessionId,
            Map<UUID, Participant> participants, String uniqueKey, Instant now) {
        return new Conversation(id, type, title, sessionId, participants, uniqueKey, now, 0, now, null, false, null, 0);
    }

    public static String directKey(UUID one, UUID other) {
        return Set.of(one, other).stream().map(UUID::toString).sorted().collect(Collectors.joining(":", "direct:", ""));
    }

    /** Everyone who takes part now (not those who left). */
    public Set<UUID> presentIds() {
        return participants.values().stream().filter(Participant::isPresent).map(Participant::userId)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Optional<Participant> presentParticipant(UUID userId) {
        return Optional.ofNullable(participants.get(userId)).filter(Participant::isPresent);
    }

    public boolean hasPresent(UUID userId) {
        return presentParticipant(userId).isPresent();
    }

    public boolean isGroup() {
        return type == ConversationType.GROUP || type == ConversationType.SUPPORT;
    }

    /** Messages after this person's read position, not counting their own. */
    public long unreadFor(UUID userId) {
        return presentParticipant(userId).map(participant -> Math.max(0, lastSeq - participant.lastReadSeq()))
                .orElse(0L);
    }

    /** Newest activity first, then by id so the order is total and pages are stable. */
    public static final Comparator<Conversation> NEWEST_ACTIVITY_FIRST =
            Comparator.comparing(Conversation::lastMessageAt).reversed().thenComparing(Conversation::id);

    /** What the list shows of the latest message. */
    public record MessagePreview(String messageId, UUID senderId, MessageType type, String content, long seq,
            Instant createdAt) {

        public static final int LENGTH = 200;

        public static MessagePreview of(Message message) {
            String content = message.deleted() ? null
                    : message.content().length() <= LENGTH ? message.content() : message.content().substring(0, LENGTH);
            return new MessagePreview(message.id(), message.senderId(), message.type(), content, message.seq(),
                    message.createdAt());
        }
    }

    /** An administrator's order that nothing in the conversation is purged until it is lifted. */
    public record LegalHold(UUID placedBy, String reason, Instant placedAt) {
    }
}
