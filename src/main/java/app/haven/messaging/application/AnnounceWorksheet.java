package app.haven.messaging.application;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.messaging.application.port.out.Conversations;
import app.haven.messaging.domain.Conversation;
import app.haven.worksheets.Worksheets;
import reactor.core.publisher.Mono;

/**
 * A new worksheet appears in the therapy conversation as a SYSTEM message from the therapist:
 * New worksheet: …, due …; a weekly series once, by its first worksheet. Written once per
 * worksheet however often the event arrives; nothing is written for a worksheet already taken back.
 */
@Service
public class AnnounceWorksheet {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Worksheets worksheets;
    private final Conversations conversations;
    private final OpenTherapyConversation therapyConversation;
    private final SendMessage sendMessage;

    AnnounceWorksheet(Worksheets worksheets, Conversations conversations, OpenTherapyConversation therapyConversation,
            SendMessage sendMessage) {
        this.worksheets = worksheets;
        this.conversations = conversations;
        this.therapyConversation = therapyConversation;
        this.sendMessage = sendMessage;
    }

    public Mono<Void> announce(UUID worksheetId, UUID clientId, UUID therapistId) {
        return worksheets.noticeOf(worksheetId)
                .filter(Worksheets.Notice::firstOfSeries)
                .flatMap(notice -> conversations.findByUniqueKey(Conversation.directKey(therapistId, clientId))
                        // the assignment's own event may not have opened it yet
                        .switchIfEmpty(Mono.defer(() -> therapyConversation.open(clientId, therapistId)))
                        // closed since: the therapy has moved on and the conversation takes no new messages
                        .filter(conversation -> !conversation.readOnly())
                        .flatMap(conversation -> sendMessage.writeForHaven(conversation, therapistId, text(notice),
                                "worksheet:" + worksheetId)))
                .then();
    }

    private static String text(Worksheets.Notice notice) {
        String due = DAY.format(notice.dueDate());
        return notice.weeks() == 1 ? "New worksheet: " + notice.title() + ", due " + due
                : "New weekly worksheet: " + notice.title() + ", " + notice.weeks() + " weeks, the first due " + due;
    }
}
