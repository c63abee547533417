package app.haven.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An ordinary listener in another module, as the portal's notifications will be: records every
 * messaging event that reaches it. State is static like the support package's recorders, as
 * several test applications may run side by side.
 */
@Component
public class MessagingEventsRecorder {

    private static final Map<String, ConversationCreated> CREATED = new ConcurrentHashMap<>();
    private static final Map<String, List<MessageSent>> SENT = new ConcurrentHashMap<>();
    private static final Map<String, List<MessageRead>> READ = new ConcurrentHashMap<>();

    @ApplicationModuleListener
    void on(ConversationCreated created) {
        CREATED.put(created.conversationId(), created);
    }

    @ApplicationModuleListener
    void on(MessageSent sent) {
        SENT.computeIfAbsent(sent.messageId(), id -> new CopyOnWriteArrayList<>()).add(sent);
    }

    @ApplicationModuleListener
    void on(MessageRead read) {
        READ.computeIfAbsent(read.conversationId(), id -> new CopyOnWriteArrayList<>()).add(read);
    }

    static Optional<ConversationCreated> created(String conversationId) {
        return Optional.ofNullable(CREATED.get(conversationId));
    }

    /** Every delivery of the message's event (at-least-once: usually one). */
    static List<MessageSent> sent(String messageId) {
        return List.copyOf(SENT.getOrDefault(messageId, List.of()));
    }

    static List<MessageRead> read(String conversationId) {
        return List.copyOf(READ.getOrDefault(conversationId, List.of()));
    }
}
