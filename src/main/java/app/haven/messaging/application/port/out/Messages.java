package app.haven.messaging.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import app.haven.messaging.domain.Message;
import app.haven.messaging.domain.MessageKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Messages, each stored under its key (conversation and sequence), so history is read by
 * computing keys, never by sorting. A send carries its {@code MessageSent} event in the same write.
 */
public interface Messages {

    /**
     * Stores the message with its event. Errors with {@link DuplicateSend} when the sender already
     * sent a message with the same client message id.
     */
    Mono<Message> insert(Message message, Object event);

    Mono<Message> find(MessageKey key);

    /** The messages with these sequence numbers that exist (deleted ones as tombstones). */
    Flux<Message> findAll(String conversationId, Collection<Long> seqs);

    /** The message the sender sent with this client message id, if any. */
    Mono<Message> findSent(UUID senderId, String clientMessageId);

    /** Writes a new version of the text; the earlier one joins the edit history. */
    Mono<Void> edited(Message message);

    /** Turns the message into its tombstone. */
    Mono<Void> tombstoned(Message message);

    /** Adds ({@code add}) or removes the person's reaction; answers the message afterwards. */
    Mono<Message> react(MessageKey key, String emoji, UUID userId, boolean add);

    /** Messages of these conversations containing every token, newest first, after a position. */
    Flux<Message> search(Collection<String> conversationIds, List<String> tokens, SearchPosition after, int limit);

    /** Deletes the messages outright (retention); answers how many went. */
    Mono<Long> purge(String conversationId, Collection<Long> seqs);

    /** Which of these messages exist, and whether each still holds an event to relay. */
    Flux<OutboxState> outboxStates(String conversationId, Collection<Long> seqs);

    /** Publishes the message's pending event, if it still has one. */
    Mono<Void> relayPending(MessageKey key);

    record OutboxState(long seq, boolean pending) {
    }

    record SearchPosition(Instant createdAt, String messageId) {
    }

    /** The sender already sent a message with this client message id. */
    class DuplicateSend extends RuntimeException {
        public DuplicateSend() {
            super("This client message id was already used", null, false, false);
        }
    }
}
