package app.haven.messaging.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.Conversation.LegalHold;
import app.haven.messaging.domain.Conversation.MessagePreview;
import app.haven.messaging.domain.Participant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where conversations live. Every write addresses one conversation by its id (the only lookup
 * that is fast on every MongoDB server); writes that announce something carry the event in the
 * same single-document write.
 */
public interface Conversations {

    String nextId();

    /**
     * Stores the conversation unless one with the same unique key exists, in which case that one
     * is returned and nothing is written.
     */
    Mono<Opening> open(Conversation conversation, Object event);

    Mono<Conversation> find(String id);

    Mono<Conversation> findByUniqueKey(String uniqueKey);

    Flux<Conversation> findAll(Collection<String> ids);

    /** Every conversation, for the daily retention pass and the outbox sweeper; there are few. */
    Flux<Conversation> all();

    /** Hands out the conversation's next sequence number, atomically. */
    Mono<Long> nextSeq(String id, Instant now);

    /** Shows the message as the latest, unless a later one already is. */
    Mono<Void> showLatest(String id, MessagePreview preview);

    /** Moves the person's read position forward to {@code seq} (never back), announcing it with {@code event}. */
    Mono<Void> markRead(String id, UUID userId, long seq, Instant at, Object event);

    /**
     * Records a message just stored, in one write: the sender's read position moves to it, and it
     * is shown as the latest unless a later one already is. Answers the conversation as it is now.
     */
    Mono<Conversation> recordSent(String id, UUID senderId, MessagePreview preview);

    Mono<Void> setPersonal(String id, UUID userId, Boolean muted, Boolean archived);

    Mono<Void> setTitle(String id, String title);

    /** Adds the person, or replaces their entry (someone who left and rejoins). */
    Mono<Void> putParticipant(String id, Participant participant);

    Mono<Void> setReadOnly(String id, boolean readOnly);

    /** Places ({@code hold} set) or lifts ({@code hold} null) a legal hold. */
    Mono<Void> setLegalHold(String id, LegalHold hold);

    /** Retention removed every message up to {@code seq}. */
    Mono<Void> purgedThrough(String id, long seq);

    /** Every message up to {@code seq} has been relayed. */
    Mono<Void> relayedThrough(String id, long seq);

    /** How far relaying has come in every conversation (a small projection of each). */
    Flux<RelayProgress> relayProgress();

    /** The outcome of {@link #open}: the conversation, and whether this call created it. */
    record Opening(Conversation conversation, boolean created) {
    }

    /** Messages after {@code relayedThroughSeq} may still hold events to relay. */
    record RelayProgress(String id, long lastSeq, long relayedThroughSeq, Instant lastSeqAt) {
    }
}
