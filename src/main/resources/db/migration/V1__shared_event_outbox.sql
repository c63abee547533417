-- Events staged by use cases in the same transaction as their state change; the relay moves
-- them into Spring Modulith's publication registry and marks them relayed.
CREATE TABLE event_outbox (
    position    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          UUID                     NOT NULL UNIQUE,
    event_type  VARCHAR(255)             NOT NULL,
    payload     VARCHAR(32000)           NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    relayed_at  TIMESTAMP WITH TIME ZONE,
    -- why a row could not be relayed (it is then skipped, never retried blindly)
    failure     VARCHAR(500)
);

CREATE INDEX event_outbox_pending ON event_outbox (relayed_at, position);
