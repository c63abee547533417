-- Client records: everything about a client but their name and email, which identity keeps.
-- therapist_id and assigned_at mirror the active assignment (written in the same transaction),
-- so the therapist's panel is one indexed query. panel_since orders the panel: when the client
-- joined the current caseload, or registered while unassigned.
CREATE TABLE patient_clients (
    client_id           UUID                     PRIMARY KEY,
    status              VARCHAR(16)              NOT NULL,
    date_of_birth       DATE,
    phone               VARCHAR(32),
    address_street      VARCHAR(200),
    address_city        VARCHAR(100),
    address_region      VARCHAR(100),
    address_postal_code VARCHAR(20),
    address_country     VARCHAR(100),
    -- ICD-10 codes, comma-separated, each validated before it is written
    diagnosis           VARCHAR(200)             NOT NULL DEFAULT '',
    treatment_plan      VARCHAR(10000),
    planned_sessions    INTEGER,
    completed_sessions  INTEGER                  NOT NULL DEFAULT 0,
    progress            INTEGER                  NOT NULL DEFAULT 0,
    therapist_id        UUID,
    assigned_at         TIMESTAMP WITH TIME ZONE,
    panel_since         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT patient_clients_status CHECK (status IN ('PENDING', 'ACTIVE', 'INACTIVE', 'COMPLETED')),
    CONSTRAINT patient_clients_progress CHECK (progress BETWEEN 0 AND 100),
    CONSTRAINT patient_clients_planned CHECK (planned_sessions IS NULL OR planned_sessions > 0),
    CONSTRAINT patient_clients_assigned CHECK ((therapist_id IS NULL) = (assigned_at IS NULL))
);

CREATE INDEX patient_clients_caseload ON patient_clients (therapist_id, panel_since, client_id);
CREATE INDEX patient_clients_panel ON patient_clients (panel_since, client_id);

CREATE TABLE patient_emergency_contacts (
    client_id    UUID         NOT NULL REFERENCES patient_clients (client_id),
    position     INTEGER      NOT NULL,
    name         VARCHAR(200) NOT NULL,
    relationship VARCHAR(100) NOT NULL,
    phone        VARCHAR(32)  NOT NULL,
    PRIMARY KEY (client_id, position)
);

-- One row per therapist. Scheduling locks it (SELECT ... FOR UPDATE) so that two bookings for
-- the same therapist are checked for overlap one after the other, on H2 and PostgreSQL alike.
CREATE TABLE patient_therapists (
    therapist_id UUID                     PRIMARY KEY,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE patient_sessions (
    id               UUID                     PRIMARY KEY,
    client_id        UUID                     NOT NULL REFERENCES patient_clients (client_id),
    therapist_id     UUID                     NOT NULL REFERENCES patient_therapists (therapist_id),
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_minutes INTEGER                  NOT NULL,
    type             VARCHAR(16)              NOT NULL,
    telehealth       BOOLEAN                  NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    -- psychotherapy notes: read only by the assigned therapist, never listed, never in an event
    notes            VARCHAR(20000),
    service_code     VARCHAR(5),
    cancel_reason    VARCHAR(500),
    cancelled_late   BOOLEAN,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT patient_sessions_duration CHECK (duration_minutes BETWEEN 1 AND 480),
    CONSTRAINT patient_sessions_order CHECK (ends_at > starts_at),
    CONSTRAINT patient_sessions_type CHECK (type IN ('INTAKE', 'INDIVIDUAL', 'FAMILY', 'GROUP')),
    CONSTRAINT patient_sessions_status CHECK (status IN ('SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'))
);

CREATE INDEX patient_sessions_therapist ON patient_sessions (therapist_id, starts_at);
CREATE INDEX patient_sessions_client ON patient_sessions (client_id, status, starts_at);

-- Clients and therapists assigned before records existed get theirs now.
INSERT INTO patient_therapists (therapist_id, created_at)
SELECT therapist_id, MIN(assigned_at) FROM patient_assignments GROUP BY therapist_id;

INSERT INTO patient_clients (client_id, status, therapist_id, assigned_at, panel_since, created_at, updated_at)
SELECT client_id, 'ACTIVE', therapist_id, assigned_at, assigned_at, assigned_at, assigned_at
FROM patient_assignments WHERE active_client_id IS NOT NULL;
