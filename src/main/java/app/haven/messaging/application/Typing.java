package app.haven.messaging.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.application.port.out.LiveEvents;
import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.ConversationEvent;
import app.haven.shared.Caller;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * "Someone is typing": shown to the other participants, refreshed at most every two seconds
 * however often the app signals, and withdrawn by Haven itself five seconds after the last signal,
 * so a closed app never leaves anyone typing forever.
 */
@Service
public class Typing {

    static final Duration EXPIRES_AFTER = Duration.ofSeconds(5);
    static final Duration REFRESH_AT_MOST_EVERY = Duration.ofSeconds(2);

    private final Conversations conversations;
    private final LiveEvents live;
    private final Clock clock;
    private final Map<String, State> typing = new ConcurrentHashMap<>();

    Typing(Conversations conversations, LiveEvents live, Clock clock) {
        this.conversations = conversations;
        this.live = live;
        this.clock = clock;
    }

    /** What every participant sees: who, whether, and until when at the latest. */
    public record Signal(UUID userId, boolean typing, Instant expiresAt) {
    }

    public Mono<Void> signal(Caller caller, String conversationId, boolean isTyping) {
        return ConversationAccess.ofParticipant(conversations, caller, conversationId)
                .doOnNext(conversation -> {
                    if (isTyping) {
                        started(conversation, caller.id());
                    } else {
                        stopped(conversation, caller.id());
                    }
                })
                .then();
    }

    private void started(Conversation conversation, UUID userId) {
        String key = conversation.id() + ":" + userId;
        Instant now = clock.instant();
        typing.compute(key, (k, previous) -> {
            if (previous != null) {
                previous.expiry().dispose();
            }
            boolean announce = previous == null || !previous.announcedAt().plus(REFRESH_AT_MOST_EVERY).isAfter(now);
            Instant announcedAt = announce ? now : previous.announcedAt();
            if (announce) {
                announce(conversation, userId, true, now.plus(EXPIRES_AFTER));
            }
            Disposable expiry = Mono.delay(EXPIRES_AFTER).subscribe(tick -> {
                if (typing.remove(k) != null) {
                    announce(conversation, userId, false, clock.instant());
                }
            });
            return new State(announcedAt, expiry);
        });
    }

    private void stopped(Conversation conversation, UUID userId) {
        State previous = typing.remove(conversation.id() + ":" + userId);
        if (previous != null) {
            previous.expiry().dispose();
            announce(conversation, userId, false, clock.instant());
        }
    }

    private void announce(Conversation conversation, UUID userId, boolean isTyping, Instant expiresAt) {
        Set<UUID> others = conversation.presentIds().stream().filter(id -> !id.equals(userId))
                .collect(Collectors.toSet());
        // typing is fleeting: recorded in the background, never holding up the app's signal
        live.publish(new ConversationEvent(ConversationEvent.Type.TYPING, conversation.id(), clock.instant(), others,
                new Signal(userId, isTyping, expiresAt))).subscribe();
    }

    private record State(Instant announcedAt, Disposable expiry) {
    }
}
