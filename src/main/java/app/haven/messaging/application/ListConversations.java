package app.haven.messaging.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.application.port.out.Inboxes;
import app.haven.messaging.domain.Conversation;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.InvalidInputException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The caller's conversations, newest activity first, a page at a time, and their unread counts.
 * The caller's inbox names them; they are fetched by id and ordered here (a person has a few
 * hundred at most), so no query ever sorts the collection.
 */
@Service
public class ListConversations {

    private final Conversations conversations;
    private final Inboxes inboxes;

    ListConversations(Conversations conversations, Inboxes inboxes) {
        this.conversations = conversations;
        this.inboxes = inboxes;
    }

    public Mono<CursorPage<ConversationView>> list(Caller caller, boolean archived, String cursor, int limit) {
        Position after = Position.decode(cursor);
        return mine(caller)
                .filter(conversation -> conversation.participants().get(caller.id()).archived() == archived)
                .filter(conversation -> after == null || after.precedes(conversation))
                .sort(Conversation.NEWEST_ACTIVITY_FIRST)
                .take(limit + 1L)
                .collectList()
                .map(page -> page(caller, page, limit));
    }

    public Mono<ConversationView> get(Caller caller, String conversationId) {
        return ConversationAccess.ofParticipant(conversations, caller, conversationId)
                .map(conversation -> ConversationView.of(conversation, caller.id()));
    }

    /** Unread messages per conversation (those with any) and in total. */
    public Mono<UnreadCounts> unread(Caller caller) {
        return mine(caller)
                .filter(conversation -> conversation.unreadFor(caller.id()) > 0)
                .collect(LinkedHashMap<String, Long>::new,
                        (counts, conversation) -> counts.put(conversation.id(), conversation.unreadFor(caller.id())))
                .map(counts -> new UnreadCounts(counts.values().stream().mapToLong(Long::longValue).sum(), counts));
    }

    /** The conversations the caller takes part in now. */
    Flux<Conversation> mine(Caller caller) {
        return inboxes.conversationIdsOf(caller.id())
                .flatMapMany(conversations::findAll)
                .filter(conversation -> conversation.hasPresent(caller.id()));
    }

    private static CursorPage<ConversationView> page(Caller caller, List<Conversation> fetched, int limit) {
        List<Conversation> items = fetched.subList(0, Math.min(limit, fetched.size()));
        String next = fetched.size() > limit ? Position.of(items.get(items.size() - 1)).encode() : null;
        return new CursorPage<>(items.stream().map(conversation -> ConversationView.of(conversation, caller.id()))
                .toList(), next);
    }

    public record UnreadCounts(long total, Map<String, Long> byConversation) {
    }

    /** Where a page ended: the last item's activity time and id. */
    record Position(Instant lastActivityAt, String id) {

        static Position of(Conversation conversation) {
            return new Position(conversation.lastMessageAt(), conversation.id());
        }

        /** Whether the conversation comes after this position in newest-activity-first order. */
        boolean precedes(Conversation conversation) {
            int byTime = lastActivityAt.compareTo(conversation.lastMessageAt());
            return byTime != 0 ? byTime > 0 : id.compareTo(conversation.id()) < 0;
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((lastActivityAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
                return new Position(Instant.parse(parts[0]), parts[1]);
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "The cursor is not one this list handed out");
            }
        }
    }
}
