package app.haven.messaging.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.application.port.out.Messages;
import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.Message;
import reactor.core.publisher.Mono;

/**
 * Retention: messages older than the retention period are deleted with their attachments, except
 * in conversations under a legal hold, where nothing is deleted until the hold is lifted. Each
 * conversation is walked from where the last pass stopped, in sequence order, by computed keys;
 * the walk stops at the first message still within the period.
 */
@Service
public class PurgeExpiredMessages {

    private static final Logger log = LoggerFactory.getLogger(PurgeExpiredMessages.class);
    private static final int BATCH = 200;

    private final Conversations conversations;
    private final Messages messages;
    private final ConversationAttachments attachments;
    private final MessagingProperties properties;

    PurgeExpiredMessages(Conversations conversations, Messages messages, ConversationAttachments attachments,
            MessagingProperties properties) {
        this.conversations = conversations;
        this.messages = messages;
        this.attachments = attachments;
        this.properties = properties;
    }

    /** Purges what has expired by {@code now}; answers how many messages went. */
    public Mono<Long> purge(Instant now) {
        Instant cutoff = now.minus(properties.retention());
        return conversations.all()
                .filter(conversation -> conversation.legalHold() == null)
                .filter(conversation -> conversation.lastSeq() > conversation.purgedThroughSeq())
                .concatMap(conversation -> purge(conversation, conversation.purgedThroughSeq() + 1, cutoff))
                .reduce(0L, Long::sum)
                .doOnNext(purged -> {
                    if (purged > 0) {
                        log.info("Retention purged {} messages older than {}", purged, cutoff);
                    }
                });
    }

    private Mono<Long> purge(Conversation conversation, long from, Instant cutoff) {
        if (from > conversation.lastSeq()) {
            return Mono.just(0L);
        }
        long to = Math.min(conversation.lastSeq(), from + BATCH - 1);
        List<Long> seqs = LongStream.rangeClosed(from, to).boxed().toList();
        return messages.findAll(conversation.id(), seqs).collectList().flatMap(batch -> {
            batch.sort(Comparator.comparingLong(Message::seq));
            List<Message> expired = batch.stream().takeWhile(message -> message.createdAt().isBefore(cutoff)).toList();
            boolean reachedUnexpired = expired.size() < batch.size();
            // numbers without a message below the first kept one are gaps (sends that never completed)
            long through = reachedUnexpired ? batch.get(expired.size()).seq() - 1
                    : expired.isEmpty() ? from - 1 : expired.get(expired.size() - 1).seq();
            List<UUID> attachments = expired.stream().flatMap(message -> message.attachments().stream())
                    .map(Message.Attachment::fileId).toList();
            return messages.purge(conversation.id(), expired.stream().map(Message::seq).toList())
                    .flatMap(purged -> this.attachments.discard(conversation.id(), attachments)
                            .then(conversations.purgedThrough(conversation.id(), through))
                            .thenReturn(purged))
                    .flatMap(purged -> reachedUnexpired || batch.isEmpty() && to == conversation.lastSeq()
                            ? Mono.just(purged)
                            : purge(conversation, to + 1, cutoff).map(more -> more + purged));
        });
    }
}
