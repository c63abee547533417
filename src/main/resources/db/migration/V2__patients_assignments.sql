-- Who is whose therapist, with history. active_client_id is set only while the assignment is
-- active: its unique constraint allows one active assignment per client, portably.
CREATE TABLE patient_assignments (
    id               UUID                     PRIMARY KEY,
    client_id        UUID                     NOT NULL,
    therapist_id     UUID                     NOT NULL,
    assigned_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at         TIMESTAMP WITH TIME ZONE,
    end_reason       VARCHAR(32),
    active_client_id UUID UNIQUE,
    CONSTRAINT patient_assignments_ended CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
    CONSTRAINT patient_assignments_active CHECK (active_client_id IS NULL OR active_client_id = client_id)
);

CREATE INDEX patient_assignments_client ON patient_assignments (client_id, assigned_at);
CREATE INDEX patient_assignments_therapist ON patient_assignments (therapist_id, ended_at);
