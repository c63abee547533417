-- Who read which clinical record, and when. Append-only: Haven inserts and reads, never updates
-- or deletes (there is no code path that could).
CREATE TABLE access_audit (
    position    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          UUID                     NOT NULL UNIQUE,
    actor_id    UUID                     NOT NULL,
    actor_role  VARCHAR(16)              NOT NULL,
    -- the client whose record it is, when the content belongs to one client
    subject_id  UUID,
    resource    VARCHAR(32)              NOT NULL,
    resource_id VARCHAR(64)              NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX access_audit_subject ON access_audit (subject_id, position);
CREATE INDEX access_audit_actor ON access_audit (actor_id, position);
CREATE INDEX access_audit_resource ON access_audit (resource_id, position);
