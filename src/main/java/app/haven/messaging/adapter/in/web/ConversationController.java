package app.haven.messaging.adapter.in.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.messaging.application.ConversationView;
import app.haven.messaging.application.ListConversations;
import app.haven.messaging.application.ManageConversation;
import app.haven.messaging.application.MessageDraft;
import app.haven.messaging.application.MessageView;
import app.haven.messaging.application.ReadHistory;
import app.haven.messaging.application.SendMessage;
import app.haven.messaging.application.StartConversation;
import app.haven.messaging.domain.ConversationType;
import app.haven.messaging.domain.MessageType;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** Conversations: starting them, listing them, their people and settings, and their messages. */
@RestController
@Validated
@RequestMapping("/api/v1/conversations")
class ConversationController {

    private static final int MAX_LIMIT = 100;
    private static final int MAX_PARTICIPANTS = 200;

    private final StartConversation start;
    private final ListConversations list;
    private final ManageConversation manage;
    private final SendMessage send;
    private final ReadHistory history;

    ConversationController(StartConversation start, ListConversations list, ManageConversation manage,
            SendMessage send, ReadHistory history) {
        this.start = start;
        this.list = list;
        this.manage = manage;
        this.send = send;
        this.history = history;
    }

    /** 201 for a new conversation; 200 with the existing one for a DIRECT or SESSION conversation that exists. */
    @PostMapping
    Mono<ResponseEntity<ConversationView>> start(Caller caller, @Valid @RequestBody StartRequest request) {
        return start.start(caller, new StartConversation.Command(request.type(), request.participantIds(),
                        request.title(), request.sessionId()))
                .map(started -> ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(started.conversation()));
    }

    @GetMapping
    Mono<CursorPage<ConversationView>> list(Caller caller, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") @Min(1) int limit) {
        return list.list(caller, archived, cursor, Math.min(limit, MAX_LIMIT));
    }

    @GetMapping("/{id}")
    Mono<ConversationView> get(Caller caller, @PathVariable String id) {
        return list.get(caller, id);
    }

    @PatchMapping("/{id}")
    Mono<ConversationView> change(Caller caller, @PathVariable String id, @Valid @RequestBody ChangeRequest request) {
        return manage.change(caller, id, new ManageConversation.Change(request.title(), request.archived(),
                request.muted()));
    }

    @PostMapping("/{id}/participants")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ConversationView.ParticipantView> addParticipant(Caller caller, @PathVariable String id,
            @Valid @RequestBody ParticipantRequest request) {
        return manage.addParticipant(caller, id, request.userId());
    }

    @DeleteMapping("/{id}/participants/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> removeParticipant(Caller caller, @PathVariable String id, @PathVariable UUID userId) {
        return manage.removeParticipant(caller, id, userId);
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> readAll(Caller caller, @PathVariable String id) {
        return manage.readAll(caller, id);
    }

    @PutMapping("/{id}/legal-hold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> placeLegalHold(Caller caller, @PathVariable String id, @Valid @RequestBody HoldRequest request) {
        return manage.placeLegalHold(caller, id, request.reason().strip());
    }

    @DeleteMapping("/{id}/legal-hold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> liftLegalHold(Caller caller, @PathVariable String id) {
        return manage.liftLegalHold(caller, id);
    }

    @GetMapping("/{id}/messages")
    Mono<CursorPage<MessageView>> messages(Caller caller, @PathVariable String id,
            @RequestParam(required = false) String before, @RequestParam(defaultValue = "30") @Min(1) int limit) {
        return history.page(caller, id, before, Math.min(limit, MAX_LIMIT));
    }

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MessageView> send(Caller caller, @PathVariable String id, @Valid @RequestBody MessageDraft request) {
        return send.send(caller, id, request.command());
    }

    record StartRequest(@NotNull ConversationType type,
            @Size(max = MAX_PARTICIPANTS) List<@NotNull UUID> participantIds,
            @Size(min = 1, max = 200) String title, UUID sessionId) {
    }

    record ChangeRequest(@Size(min = 1, max = 200) String title, Boolean archived, Boolean muted) {
    }

    record ParticipantRequest(@NotNull UUID userId) {
    }

    record HoldRequest(@NotBlank @Size(max = 500) String reason) {
    }

}
