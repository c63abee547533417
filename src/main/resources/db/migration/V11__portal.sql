-- portal: the client's side. Names and contact details stay in identity and patients.

-- how and when a person wants to hear from Haven; a person without a row has the defaults
CREATE TABLE portal_preferences (
    account_id            UUID                     PRIMARY KEY,
    email                 BOOLEAN                  NOT NULL,
    sms                   BOOLEAN                  NOT NULL,
    push                  BOOLEAN                  NOT NULL,
    session_reminders     BOOLEAN                  NOT NULL,
    reminder_hours_before INTEGER                  NOT NULL CHECK (reminder_hours_before BETWEEN 1 AND 168),
    message_digest        BOOLEAN                  NOT NULL,
    quiet_hours_start     TIME,
    quiet_hours_end       TIME,
    time_zone             VARCHAR(64)              NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

-- recorded_on and week_of are the entry's day and the Monday of its week in the client's zone,
-- so trends group in the database without time-zone arithmetic that differs between stores
CREATE TABLE portal_mood_entries (
    id          UUID                     PRIMARY KEY,
    client_id   UUID                     NOT NULL,
    mood        SMALLINT                 NOT NULL CHECK (mood BETWEEN 1 AND 10),
    energy      SMALLINT                 CHECK (energy BETWEEN 1 AND 10),
    sleep_hours NUMERIC(3, 1)            CHECK (sleep_hours BETWEEN 0 AND 24),
    stress      SMALLINT                 CHECK (stress BETWEEN 1 AND 10),
    activities  VARCHAR(1100),
    note        VARCHAR(2000),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_on DATE                     NOT NULL,
    week_of     DATE                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX portal_mood_entries_by_client ON portal_mood_entries (client_id, recorded_at, id);
CREATE INDEX portal_mood_entries_by_day ON portal_mood_entries (client_id, recorded_on);

CREATE TABLE portal_assessments (
    id               UUID                     PRIMARY KEY,
    client_id        UUID                     NOT NULL,
    therapist_id     UUID                     NOT NULL,
    instrument       VARCHAR(8)               NOT NULL CHECK (instrument IN ('PHQ9', 'GAD7')),
    status           VARCHAR(12)              NOT NULL CHECK (status IN ('ASSIGNED', 'COMPLETED')),
    due_date         DATE,
    recurrence_weeks INTEGER                  CHECK (recurrence_weeks BETWEEN 1 AND 52),
    answers          VARCHAR(40),
    score            INTEGER,
    severity         VARCHAR(24),
    safety_flag      BOOLEAN                  NOT NULL,
    assigned_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX portal_assessments_by_client ON portal_assessments (client_id, assigned_at, id);

-- open_client_id holds the client id while the request is open: one open request per client
CREATE TABLE portal_change_requests (
    id                   UUID                     PRIMARY KEY,
    client_id            UUID                     NOT NULL,
    open_client_id       UUID                     UNIQUE,
    current_therapist_id UUID,
    reason               VARCHAR(2000)            NOT NULL,
    preferences          VARCHAR(2000),
    status               VARCHAR(12)              NOT NULL CHECK (status IN ('OPEN', 'APPROVED', 'DECLINED')),
    new_therapist_id     UUID,
    decision_note        VARCHAR(1000),
    decided_by           UUID,
    decided_at           TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX portal_change_requests_by_status ON portal_change_requests (status, created_at);
CREATE INDEX portal_change_requests_by_client ON portal_change_requests (client_id, created_at);

-- the notification feed; source_key makes a notification from an event exactly once, position
-- lets every instance find the ones it has not pushed yet
CREATE TABLE portal_notifications (
    position     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           UUID                     NOT NULL UNIQUE,
    recipient_id UUID                     NOT NULL,
    kind         VARCHAR(32)              NOT NULL,
    title        VARCHAR(200)             NOT NULL,
    body         VARCHAR(500)             NOT NULL,
    subject_id   VARCHAR(64),
    safety       BOOLEAN                  NOT NULL,
    source_key   VARCHAR(160)             UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX portal_notifications_by_recipient ON portal_notifications (recipient_id, created_at, id);

-- text messages Haven sent; embedded mode's stand-in for an SMS provider, shown by the dev outbox
CREATE TABLE portal_sms_outbox (
    id         UUID                     PRIMARY KEY,
    to_phone   VARCHAR(40)              NOT NULL,
    body       VARCHAR(320)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
