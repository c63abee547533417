package app.haven.shared.events;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.haven.shared.StagedEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into their stored JSON form and back. Only Haven's own event types are ever
 * instantiated from storage.
 */
@Component
class EventCodec {

    private static final String HAVEN_PACKAGE = "app.haven.";

    private final JsonMapper json;

    /**
     * Stored events outlive the code that wrote them: a field removed from an event since must not
     * make its pending rows unreadable, so unknown fields are ignored here (unlike request bodies).
     */
    EventCodec(JsonMapper json) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    StagedEvent encode(Object event) {
        String type = event.getClass().getName();
        if (!type.startsWith(HAVEN_PACKAGE) || !event.getClass().isRecord()) {
            throw new IllegalArgumentException("Events are Haven records, not " + type);
        }
        return new StagedEvent(UUID.randomUUID(), type, json.writeValueAsString(event), Instant.now());
    }

    Object decode(String type, String payload) {
        if (!type.startsWith(HAVEN_PACKAGE)) {
            throw new IllegalStateException("Refusing to decode a foreign event type " + type);
        }
        try {
            return json.readValue(payload, Class.forName(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Unknown event type " + type, e);
        }
    }
}
