-- worksheets: homework a therapist assigns to their client, one row per worksheet (a weekly series
-- shares a series_id). status is stored as the sweep last left it; an ASSIGNED row past its due
-- date reads as PAST_DUE until the sweep records it. overdue_announced keeps WorksheetOverdue to one.
CREATE TABLE worksheets (
    id                UUID                     PRIMARY KEY,
    series_id         UUID,
    client_id         UUID                     NOT NULL,
    therapist_id      UUID                     NOT NULL,
    title             VARCHAR(200)             NOT NULL,
    instructions      VARCHAR(10000)           NOT NULL,
    description       VARCHAR(10000),
    due_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(16)              NOT NULL
        CHECK (status IN ('ASSIGNED', 'PAST_DUE', 'SUBMITTED', 'REVIEWED')),
    response          VARCHAR(20000),
    feedback          VARCHAR(20000),
    submitted_at      TIMESTAMP WITH TIME ZONE,
    reviewed_at       TIMESTAMP WITH TIME ZONE,
    overdue_announced BOOLEAN                  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX worksheets_by_client ON worksheets (client_id, due_at, id);
CREATE INDEX worksheets_assigned_by_due ON worksheets (status, due_at);
CREATE INDEX worksheets_by_series ON worksheets (series_id);

-- the files module's files on a worksheet; the same stored file may sit on several worksheets of
-- a series, and its bytes are released when the last row naming it goes
CREATE TABLE worksheet_files (
    worksheet_id UUID                     NOT NULL REFERENCES worksheets (id) ON DELETE CASCADE,
    file_id      UUID                     NOT NULL,
    kind         VARCHAR(16)              NOT NULL CHECK (kind IN ('MATERIAL', 'SUBMISSION')),
    name         VARCHAR(120)             NOT NULL,
    content_type VARCHAR(100)             NOT NULL,
    size         BIGINT                   NOT NULL,
    uploaded_by  UUID                     NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (worksheet_id, file_id)
);

CREATE INDEX worksheet_files_by_file ON worksheet_files (file_id);
