package app.haven.messaging.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.springframework.stereotype.Service;

import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.application.port.out.Messages;
import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.Message;
import app.haven.messaging.domain.MessageKey;
import app.haven.shared.AccessAudit;
import app.haven.shared.AccessAudit.AuditedResource;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.InvalidInputException;
import app.haven.shared.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * A page of a conversation's history, newest first, for its participants. The page's keys are
 * computed from the sequence (the {@code limit} numbers below the cursor) and fetched in one
 * lookup; numbers that hold no message (purged, or a send that never completed) are skipped by
 * looking further down. Every page is recorded in the access audit, against each person whose
 * messages it shows, before it is answered.
 */
@Service
public class ReadHistory {

    /** How many extra keys to look at per round when numbers are missing. */
    private static final int SLACK = 10;

    private final Conversations conversations;
    private final Messages messages;
    private final AccessAudit audit;

    ReadHistory(Conversations conversations, Messages messages, AccessAudit audit) {
        this.conversations = conversations;
        this.messages = messages;
        this.audit = audit;
    }

    public Mono<CursorPage<MessageView>> page(Caller caller, String conversationId, String before, int limit) {
        return ConversationAccess.ofParticipant(conversations, caller, conversationId)
                .flatMap(conversation -> collect(conversation, startBelow(conversation, before), limit, new ArrayList<>())
                        .map(found -> page(conversation, found, limit)))
                .flatMap(page -> audit.recordRead(caller, authorsOtherThan(caller, page.items()),
                        AuditedResource.MESSAGES, conversationId).thenReturn(page));
    }

    /** Whose words a page shows the reader: the senders of its messages, the reader aside. */
    private static Set<UUID> authorsOtherThan(Caller reader, List<MessageView> shown) {
        return shown.stream().map(MessageView::senderId).filter(sender -> !sender.equals(reader.id()))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static long startBelow(Conversation conversation, String before) {
        if (before == null || before.isBlank()) {
            return conversation.lastSeq() + 1;
        }
        try {
            MessageKey key = MessageKey.parse(before);
            if (!key.conversationId().equals(conversation.id())) {
                throw new InvalidInputException("before", "That message is not in this conversation");
            }
            return key.seq();
        } catch (NotFoundException e) {
            throw new InvalidInputException("before", "That message is not in this conversation");
        }
    }

    /** Gathers up to {@code limit + 1} messages below {@code below}, newest first. */
    private Mono<List<Message>> collect(Conversation conversation, long below, int limit, List<Message> found) {
        int wanted = limit + 1 - found.size();
        long highest = below - 1;
        long floor = conversation.purgedThroughSeq() + 1;
        if (wanted <= 0 || highest < floor) {
            return Mono.just(found);
        }
        long lowest = Math.max(floor, highest - wanted - SLACK + 1);
        List<Long> seqs = LongStream.rangeClosed(lowest, highest).boxed().toList();
        return messages.findAll(conversation.id(), seqs).collectList().flatMap(batch -> {
            batch.sort(Comparator.comparingLong(Message::seq).reversed());
            found.addAll(batch.subList(0, Math.min(wanted, batch.size())));
            return collect(conversation, lowest, limit, found);
        });
    }

    private static CursorPage<MessageView> page(Conversation conversation, List<Message> found, int limit) {
        List<Message> shown = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? shown.get(shown.size() - 1).id() : null;
        return new CursorPage<>(shown.stream().map(message -> MessageView.of(message, conversation)).toList(), next);
    }
}
