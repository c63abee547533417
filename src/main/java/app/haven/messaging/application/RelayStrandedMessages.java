package app.haven.messaging.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.springframework.stereotype.Service;

import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.application.port.out.Conversations.RelayProgress;
import app.haven.messaging.application.port.out.Messages;
import app.haven.messaging.application.port.out.Messages.OutboxState;
import app.haven.messaging.domain.MessageKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds messages whose {@code MessageSent} a crash left unrelayed, without scanning the messages:
 * each conversation remembers up to which sequence number everything was relayed, and only the
 * numbers after it are looked up by key. The mark moves once the conversation has been quiet for
 * a while, so a send still in flight is never passed over.
 */
@Service
public class RelayStrandedMessages {

    /** A send takes milliseconds; one older than this has finished or failed for good. */
    static final Duration SETTLED = Duration.ofMinutes(1);
    private static final int BATCH = 200;

    private final Conversations conversations;
    private final Messages messages;

    RelayStrandedMessages(Conversations conversations, Messages messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    public Mono<Void> sweep(Instant now) {
        return conversations.relayProgress()
                .filter(progress -> progress.lastSeq() > progress.relayedThroughSeq())
                .concatMap(progress -> sweep(progress, now))
                .then();
    }

    private Mono<Void> sweep(RelayProgress progress, Instant now) {
        long from = progress.relayedThroughSeq() + 1;
        long to = Math.min(progress.lastSeq(), from + BATCH - 1);
        List<Long> seqs = LongStream.rangeClosed(from, to).boxed().toList();
        boolean settled = progress.lastSeqAt().isBefore(now.minus(SETTLED));
        return messages.outboxStates(progress.id(), seqs).collectList().flatMap(states -> {
            Set<Long> present = states.stream().map(OutboxState::seq).collect(Collectors.toSet());
            // a missing number is a send in flight, unless the conversation has been quiet long enough
            long through = settled ? to
                    : LongStream.rangeClosed(from, to).takeWhile(present::contains).max().orElse(from - 1);
            return Flux.fromIterable(states)
                    .filter(OutboxState::pending)
                    .concatMap(state -> messages.relayPending(new MessageKey(progress.id(), state.seq())))
                    .then(through >= from ? conversations.relayedThrough(progress.id(), through) : Mono.empty());
        });
    }
}
