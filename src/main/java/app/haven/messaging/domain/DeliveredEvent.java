package app.haven.messaging.domain;

/**
 * A conversation event as a live stream hands it over, with the cursor to resume after it.
 *
 * @param replayed whether it happened before the stream opened and is replayed after a cursor: it is
 *                 read at the subscriber's pace, so it never counts against the live buffer
 */
public record DeliveredEvent(String cursor, ConversationEvent event, boolean replayed) {

    public DeliveredEvent(String cursor, ConversationEvent event) {
        this(cursor, event, false);
    }
}
