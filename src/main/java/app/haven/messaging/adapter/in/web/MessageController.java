package app.haven.messaging.adapter.in.web;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.messaging.application.ChangeMessage;
import app.haven.messaging.application.ListConversations;
import app.haven.messaging.application.MessageView;
import app.haven.messaging.application.SearchMessages;
import app.haven.messaging.domain.Message;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** One message at a time: editing, deleting, reacting, reading; and search and unread counts. */
@RestController
@Validated
@RequestMapping("/api/v1/messages")
class MessageController {

    private static final int MAX_LIMIT = 100;

    private final ChangeMessage change;
    private final SearchMessages search;
    private final ListConversations conversations;

    MessageController(ChangeMessage change, SearchMessages search, ListConversations conversations) {
        this.change = change;
        this.search = search;
        this.conversations = conversations;
    }

    @GetMapping("/search")
    Mono<CursorPage<SearchMessages.Hit>> search(Caller caller, @RequestParam @Size(max = 500) String q,
            @RequestParam(required = false) String conversationId, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) int limit) {
        return search.search(caller, q, conversationId, cursor, Math.min(limit, MAX_LIMIT));
    }

    @GetMapping("/unread-count")
    Mono<ListConversations.UnreadCounts> unreadCount(Caller caller) {
        return conversations.unread(caller);
    }

    @PutMapping("/{id}")
    Mono<MessageView> edit(Caller caller, @PathVariable String id, @Valid @RequestBody EditRequest request) {
        return change.edit(caller, id, request.content());
    }

    @GetMapping("/{id}/edits")
    Mono<CursorPage<Message.Edit>> edits(Caller caller, @PathVariable String id) {
        return change.edits(caller, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Caller caller, @PathVariable String id) {
        return change.delete(caller, id);
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> read(Caller caller, @PathVariable String id) {
        return change.read(caller, id);
    }

    @PostMapping("/{id}/reactions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MessageView.Reaction> react(Caller caller, @PathVariable String id,
            @Valid @RequestBody ReactionRequest request) {
        return change.react(caller, id, request.emoji());
    }

    @DeleteMapping("/{id}/reactions/{emoji}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unreact(Caller caller, @PathVariable String id, @PathVariable String emoji) {
        return change.unreact(caller, id, emoji);
    }

    record EditRequest(@NotNull String content) {
    }

    record ReactionRequest(@NotBlank String emoji) {
    }
}
