package app.haven.messaging.adapter.in.rsocket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.annotation.ConnectMapping;
import org.springframework.stereotype.Controller;
import org.springframework.validation.annotation.Validated;

import app.haven.messaging.application.ChangeMessage;
import app.haven.messaging.application.FellBehindException;
import app.haven.messaging.application.MessageDraft;
import app.haven.messaging.application.MessageView;
import app.haven.messaging.application.Presence;
import app.haven.messaging.application.SendMessage;
import app.haven.messaging.application.StreamInbox;
import app.haven.messaging.application.Typing;
import app.haven.messaging.domain.CursorExpiredException;
import app.haven.messaging.domain.DeliveredEvent;
import app.haven.messaging.domain.MessageType;
import app.haven.shared.BlockedException;
import app.haven.shared.Caller;
import app.haven.shared.ConflictException;
import app.haven.shared.CurrentUser;
import app.haven.shared.ForbiddenException;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;
import app.haven.shared.TooManyRequestsException;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.RejectedSetupException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The real-time routes: the caller's inbox and one conversation's events (both resumable with
 * {@code since}), sending, typing and read receipts, the duplex {@code chat} channel, and presence.
 * Every stream ends when the token that opened the connection expires.
 */
@Controller
@Validated
class LiveController {

    private final StreamInbox streams;
    private final SendMessage send;
    private final Typing typing;
    private final ChangeMessage messages;
    private final Presence presence;
    private final CurrentUser currentUser;

    LiveController(StreamInbox streams, SendMessage send, Typing typing, ChangeMessage messages, Presence presence,
            CurrentUser currentUser) {
        this.streams = streams;
        this.send = send;
        this.typing = typing;
        this.messages = messages;
        this.presence = presence;
        this.currentUser = currentUser;
    }

    /**
     * A connection counts towards its person's presence until it closes; one past the per-person
     * cap is refused at setup.
     */
    @ConnectMapping
    Mono<Void> connected(Caller caller, RSocketRequester requester) {
        try {
            var connection = presence.connected(caller.id());
            // a connection the app drops ends onClose with an error; it is closed all the same
            requester.rsocket().onClose().onErrorComplete().doFinally(signal -> connection.dispose()).subscribe();
            return Mono.empty();
        } catch (Presence.TooManyConnectionsException e) {
            return Mono.error(new RejectedSetupException(e.getMessage()));
        }
    }

    @MessageMapping("inbox")
    Flux<LiveEvent> inbox(Caller caller, @Payload(required = false) Resume resume) {
        return live(streams.inbox(caller, Resume.since(resume)));
    }

    @MessageMapping("conversations.{id}.events")
    Flux<LiveEvent> conversation(Caller caller, @DestinationVariable String id, @Payload(required = false) Resume resume) {
        return live(streams.conversation(caller, id, Resume.since(resume)));
    }

    @MessageMapping("conversations.{id}.send")
    Mono<MessageView> send(Caller caller, @DestinationVariable String id, @Valid @Payload MessageDraft draft) {
        presence.active(caller.id());
        return send.send(caller, id, draft.command());
    }

    @MessageMapping("conversations.{id}.typing")
    Mono<Void> typing(Caller caller, @DestinationVariable String id, @Valid @Payload TypingSignal signal) {
        presence.active(caller.id());
        return typing.signal(caller, id, signal.typing());
    }

    @MessageMapping("conversations.{id}.read")
    Mono<Void> read(Caller caller, @DestinationVariable String id, @Valid @Payload ReadReceipt receipt) {
        presence.active(caller.id());
        return messages.read(caller, receipt.messageId());
    }

    /**
     * One duplex stream: commands in, the caller's inbox events out. A command that fails does not
     * end the channel; it comes back as a {@code COMMAND_REJECTED} event naming the command.
     */
    @MessageMapping("chat")
    Flux<LiveEvent> chat(Caller caller, @Payload Flux<ChatCommand> commands) {
        Flux<LiveEvent> outcomes = commands.concatMap(command -> execute(caller, command)
                .then(Mono.<LiveEvent>empty())
                .onErrorResume(failure -> Mono.just(LiveEvent.rejected(command, failure))));
        return Flux.merge(live(streams.inbox(caller, null)), outcomes);
    }

    private Mono<?> execute(Caller caller, ChatCommand command) {
        if (command.op() == null || command.conversationId() == null) {
            return Mono.error(new InvalidInputException("op", "A command names its op and conversationId"));
        }
        presence.active(caller.id());
        return switch (command.op()) {
            case SEND -> command.type() == null || command.content() == null
                    ? Mono.error(new InvalidInputException("content", "A message has content and a type"))
                    : send.send(caller, command.conversationId(), new SendMessage.Command(command.content(),
                            command.type(), command.replyToId(), command.attachments(), command.clientMessageId()));
            case TYPING -> typing.signal(caller, command.conversationId(), Boolean.TRUE.equals(command.typing()));
            case READ -> command.messageId() == null
                    ? Mono.error(new InvalidInputException("messageId", "A read receipt names the message"))
                    : messages.read(caller, command.messageId());
        };
    }

    @MessageMapping("presence")
    Flux<Presence.PresenceView> presence(Caller caller, @Valid @Payload PresenceRequest request) {
        return currentUser.whileSignedIn(presence.watch(caller, request.userIds()));
    }

    private Flux<LiveEvent> live(Flux<DeliveredEvent> deliveries) {
        return currentUser.whileSignedIn(deliveries.map(LiveEvent::of))
                .onErrorMap(FellBehindException.class, e -> new ApplicationErrorException("fell-behind: " + e.getMessage()))
                .onErrorMap(CursorExpiredException.class,
                        e -> new ApplicationErrorException("cursor-expired: " + e.getMessage()));
    }

    /** One event on the wire: {@code {type, conversationId, at, payload, cursor}}; resume after {@code cursor}. */
    record LiveEvent(String type, String conversationId, Instant at, Object payload, String cursor) {

        static LiveEvent rejected(ChatCommand command, Throwable failure) {
            String reason = failure instanceof NotFoundException ? "not-found"
                    : failure instanceof BlockedException ? "blocked"
                    : failure instanceof ForbiddenException ? "forbidden"
                    : failure instanceof ConflictException ? "conflict"
                    : failure instanceof TooManyRequestsException ? "too-many-requests"
                    : failure instanceof InvalidInputException || failure instanceof IllegalArgumentException
                            || failure instanceof NullPointerException ? "invalid"
                    : "failed";
            String detail = reason.equals("failed") || failure.getMessage() == null ? "The command could not be carried out"
                    : failure.getMessage();
            return new LiveEvent("COMMAND_REJECTED", command.conversationId(), Instant.now(),
                    new Rejection(command.op(), command.clientMessageId(), reason, detail), null);
        }

        static LiveEvent of(DeliveredEvent delivery) {
            return new LiveEvent(delivery.event().type().name(), delivery.event().conversationId(), delivery.event().at(),
                    delivery.event().payload(), delivery.cursor());
        }
    }

    enum ChatOp { SEND, TYPING, READ }

    record ChatCommand(ChatOp op, String conversationId, String content, MessageType type, String replyToId,
            List<UUID> attachments, String clientMessageId, Boolean typing, String messageId) {
    }

    /** Why a chat command was refused, in words safe to show. */
    record Rejection(ChatOp op, String clientMessageId, String reason, String detail) {
    }

    record Resume(@Size(max = 2000) String since) {

        static String since(Resume resume) {
            return resume == null ? null : resume.since();
        }
    }

    record TypingSignal(@NotNull Boolean typing) {
    }

    record ReadReceipt(@NotNull @Size(max = 100) String messageId) {
    }

    record PresenceRequest(@NotNull @Size(max = 500) List<@NotNull UUID> userIds) {
    }
}
