package app.haven.messaging.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.ConflictException;
import app.haven.shared.ForbiddenException;
import app.haven.shared.InvalidInputException;

/**
 * A message in a conversation, at its place in the conversation's sequence.
 * <p>
 * Edits keep every earlier version; deleting leaves a tombstone in the history with no content,
 * no attachments and no earlier versions. {@code reactions} maps each emoji to the people who
 * chose it, in the order they did.
 */
public record Message(String conversationId, long seq, UUID senderId, MessageType type, String content,
        ReplySnapshot replyTo, List<Attachment> attachments, String clientMessageId, Instant createdAt,
        Instant editedAt, List<Edit> edits, boolean deleted, Map<String, List<UUID>> reactions) {

    public static final int MAX_CONTENT = 10_000;

    public Message {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        edits = edits == null ? List.of() : List.copyOf(edits);
        reactions = reactions == null ? Map.of() : copy(reactions);
    }

    /** A person's message: trimmed content of 1 to 10,000 characters, never of type SYSTEM. */
    public static Message written(String conversationId, long seq, UUID senderId, MessageType type, String content,
            ReplySnapshot replyTo, List<Attachment> attachments, String clientMessageId, Instant now) {
        if (type == MessageType.SYSTEM) {
            throw new InvalidInputException("type", "SYSTEM messages are written by Haven only");
        }
        return new Message(conversationId, seq, senderId, type, requireContent(content), replyTo, attachments,
                clientMessageId, now, null, List.of(), false, Map.of());
    }

    /**
     * A message Haven writes itself into a conversation (a new worksheet, for instance), on behalf
     * of a participant; {@code key} names what it announces, so it is written once however often
     * the announcement is asked for.
     */
    public static Message system(String conversationId, long seq, UUID onBehalfOf, String content, String key,
            Instant now) {
        return new Message(conversationId, seq, onBehalfOf, MessageType.SYSTEM, requireContent(content), null,
                List.of(), key, now, null, List.of(), false, Map.of());
    }

    /** The message at its place in the sequence; written messages are checked before they get one. */
    public Message numbered(long sequence) {
        return new Message(conversationId, sequence, senderId, type, content, replyTo, attachments, clientMessageId,
                createdAt, editedAt, edits, deleted, reactions);
    }

    public String id() {
        return MessageKey.id(conversationId, seq);
    }

    /** The sender changes the text within the edit window; the earlier text goes to the history. */
    public Message edit(UUID editor, String newContent, Duration window, Instant now) {
        if (!senderId.equals(editor) || type == MessageType.SYSTEM) {
            throw new ForbiddenException("Only the sender edits a message");
        }
        if (deleted) {
            throw new ConflictException("A deleted message cannot be edited");
        }
        if (now.isAfter(createdAt.plus(window))) {
            throw new ConflictException("Messages can be edited for " + window.toMinutes() + " minutes after sending");
        }
        List<Edit> history = new ArrayList<>(edits);
        history.add(new Edit(content, editedAt == null ? createdAt : editedAt));
        return new Message(conversationId, seq, senderId, type, requireContent(newContent), replyTo, attachments,
                clientMessageId, createdAt, now, history, false, reactions);
    }

    /** A tombstone keeps the message's place and nothing of what it said. */
    public Message tombstone() {
        return new Message(conversationId, seq, senderId, type, "", null, List.of(), clientMessageId, createdAt,
                editedAt, List.of(), true, Map.of());
    }

    public ReplySnapshot snapshot() {
        return new ReplySnapshot(id(), senderId, content.length() <= ReplySnapshot.LENGTH ? content
                : content.substring(0, ReplySnapshot.LENGTH));
    }

    public List<String> searchTokens() {
        return deleted ? List.of() : SearchTokens.of(content);
    }

    private static String requireContent(String content) {
        String trimmed = content == null ? "" : content.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_CONTENT) {
            throw new InvalidInputException("content", "A message has 1 to " + MAX_CONTENT + " characters");
        }
        return trimmed;
    }

    private static Map<String, List<UUID>> copy(Map<String, List<UUID>> reactions) {
        Map<String, List<UUID>> copy = new LinkedHashMap<>();
        reactions.forEach((emoji, people) -> {
            if (people != null && !people.isEmpty()) {
                copy.put(emoji, List.copyOf(people));
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** What a reply shows of the message it answers, as it was when the reply was written. */
    public record ReplySnapshot(String id, UUID senderId, String content) {
        public static final int LENGTH = 200;
    }

    /** A file uploaded to the conversation and referenced by the message. */
    public record Attachment(UUID fileId, String name, long size, String contentType) {
    }

    /** An earlier version of the text, and since when it had stood. */
    public record Edit(String content, Instant editedAt) {
    }
}
