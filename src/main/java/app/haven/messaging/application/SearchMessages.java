package app.haven.messaging.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import app.haven.messaging.application.port.out.Messages;
import app.haven.messaging.application.port.out.Messages.SearchPosition;
import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.Message;
import app.haven.messaging.domain.SearchTokens;
import app.haven.shared.AccessAudit;
import app.haven.shared.AccessAudit.AuditedResource;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.InvalidInputException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds messages containing every word of the query, in the caller's conversations only, newest
 * first. Words are compared as {@link SearchTokens} makes them, so case and accents do not matter.
 * Every conversation whose messages a page shows is recorded in the access audit, against the
 * people whose messages they are.
 */
@Service
public class SearchMessages {

    private final ListConversations conversations;
    private final Messages messages;
    private final AccessAudit audit;

    SearchMessages(ListConversations conversations, Messages messages, AccessAudit audit) {
        this.conversations = conversations;
        this.messages = messages;
        this.audit = audit;
    }

    public Mono<CursorPage<Hit>> search(Caller caller, String q, String conversationId, String cursor, int limit) {
        List<String> tokens = SearchTokens.of(q);
        if (tokens.isEmpty()) {
            return Mono.error(new InvalidInputException("q", "Search for at least one word"));
        }
        if (tokens.size() > SearchTokens.MAX_QUERY_TOKENS) {
            return Mono.error(new InvalidInputException("q", "Search for at most " + SearchTokens.MAX_QUERY_TOKENS
                    + " words"));
        }
        SearchPosition after = decode(cursor);
        return conversations.mine(caller)
                .filter(conversation -> conversationId == null || conversation.id().equals(conversationId))
                .collectMap(Conversation::id, Function.identity())
                .flatMap(mine -> mine.isEmpty() ? Mono.just(CursorPage.<Hit>last(List.of()))
                        : messages.search(mine.keySet(), tokens, after, limit + 1).collectList()
                                .map(found -> page(found, mine, limit))
                                .flatMap(page -> audited(caller, page)));
    }

    /** Each conversation the page shows messages of, against the people whose messages they are. */
    private Mono<CursorPage<Hit>> audited(Caller caller, CursorPage<Hit> page) {
        Map<String, Set<UUID>> authorsByConversation = page.items().stream()
                .collect(Collectors.groupingBy(Hit::conversationId, LinkedHashMap::new, Collectors.mapping(
                        Hit::senderId, Collectors.filtering(sender -> !sender.equals(caller.id()), Collectors.toSet()))));
        return Flux.fromIterable(authorsByConversation.entrySet())
                .concatMap(shown -> audit.recordRead(caller, shown.getValue(), AuditedResource.MESSAGES, shown.getKey()))
                .then(Mono.just(page));
    }

    private static CursorPage<Hit> page(List<Message> found, Map<String, Conversation> mine, int limit) {
        List<Message> shown = found.subList(0, Math.min(limit, found.size()));
        String next = null;
        if (found.size() > limit) {
            Message last = shown.get(shown.size() - 1);
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((last.createdAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        return new CursorPage<>(shown.stream().map(message -> Hit.of(message, mine.get(message.conversationId())))
                .toList(), next);
    }

    private static SearchPosition decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new SearchPosition(Instant.parse(parts[0]), parts[1]);
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "The cursor is not one this list handed out");
        }
    }

    /** A message found, with the conversation it is in. */
    public record Hit(String id, String conversationId, UUID senderId, String content, String type,
            Instant createdAt, Instant editedAt, boolean deleted, Message.ReplySnapshot replyTo,
            List<Message.Attachment> attachments, List<MessageView.Reaction> reactions,
            List<MessageView.Receipt> readBy, ConversationRef conversation) {

        static Hit of(Message message, Conversation conversation) {
            MessageView view = MessageView.of(message, conversation);
            return new Hit(view.id(), view.conversationId(), view.senderId(), view.content(), view.type(),
                    view.createdAt(), view.editedAt(), view.deleted(), view.replyTo(), view.attachments(),
                    view.reactions(), view.readBy(),
                    new ConversationRef(conversation.id(), conversation.type().name(), conversation.title()));
        }
    }

    public record ConversationRef(String id, String type, String title) {
    }
}
