package app.haven.messaging.domain;

/** A conversation event as a live stream hands it over, with the cursor to resume after it. */
public record DeliveredEvent(String cursor, ConversationEvent event) {
}
