-- billing: money in NUMERIC with two places, never floating point. The ledger is charges,
-- payments and refunds; a client's balance is charges - completed payments + refunds.

CREATE TABLE billing_service_codes (
    code        CHAR(5)                  PRIMARY KEY,
    description VARCHAR(200)             NOT NULL,
    minutes     INTEGER                  NOT NULL CHECK (minutes > 0),
    fee         NUMERIC(10, 2)           NOT NULL CHECK (fee >= 0),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO billing_service_codes (code, description, minutes, fee, updated_at) VALUES
    ('90791', 'Psychiatric diagnostic evaluation', 60, 200.00, CURRENT_TIMESTAMP),
    ('90832', 'Psychotherapy, 30 minutes', 30, 100.00, CURRENT_TIMESTAMP),
    ('90834', 'Psychotherapy, 45 minutes', 45, 140.00, CURRENT_TIMESTAMP),
    ('90837', 'Psychotherapy, 60 minutes', 60, 180.00, CURRENT_TIMESTAMP),
    ('90839', 'Psychotherapy for crisis, first 60 minutes', 60, 200.00, CURRENT_TIMESTAMP),
    ('90846', 'Family psychotherapy without the patient, 50 minutes', 50, 150.00, CURRENT_TIMESTAMP),
    ('90847', 'Family psychotherapy with the patient, 50 minutes', 50, 160.00, CURRENT_TIMESTAMP),
    ('90853', 'Group psychotherapy', 60, 60.00, CURRENT_TIMESTAMP);

-- one row per client with billing activity: payments lock it, so two payments of one client are
-- decided one after the other and can never overdraw the balance together
CREATE TABLE billing_accounts (
    client_id  UUID                     PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- source_key makes a charge from an event exactly once ('session:<id>:SESSION', ':LATE_CANCEL',
-- ':NO_SHOW'); manual charges have none
CREATE TABLE billing_charges (
    id               UUID                     PRIMARY KEY,
    client_id        UUID                     NOT NULL,
    session_id       UUID,
    source_key       VARCHAR(80)              UNIQUE,
    kind             VARCHAR(16)              NOT NULL CHECK (kind IN ('SESSION', 'LATE_CANCEL', 'NO_SHOW', 'MANUAL')),
    service_code     CHAR(5),
    description      VARCHAR(200)             NOT NULL,
    amount           NUMERIC(10, 2)           NOT NULL CHECK (amount > 0),
    currency         CHAR(3)                  NOT NULL,
    service_date     DATE                     NOT NULL,
    modifier         VARCHAR(8),
    place_of_service CHAR(2),
    created_by       UUID,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX billing_charges_by_client ON billing_charges (client_id, service_date, id);

CREATE TABLE billing_payments (
    id                  UUID                     PRIMARY KEY,
    client_id           UUID                     NOT NULL,
    amount              NUMERIC(10, 2)           NOT NULL CHECK (amount > 0),
    currency            CHAR(3)                  NOT NULL,
    method              VARCHAR(16)              NOT NULL CHECK (method IN ('CARD', 'CASH', 'CHECK', 'INSURANCE')),
    status              VARCHAR(16)              NOT NULL CHECK (status IN ('COMPLETED', 'DECLINED', 'REFUNDED')),
    confirmation_number VARCHAR(16)              NOT NULL UNIQUE,
    gateway_reference   VARCHAR(64),
    decline_reason      VARCHAR(200),
    received_by         UUID                     NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX billing_payments_by_client ON billing_payments (client_id, received_at, id);

-- the reversing entry of a refund; one per payment
CREATE TABLE billing_refunds (
    id          UUID                     PRIMARY KEY,
    payment_id  UUID                     NOT NULL UNIQUE REFERENCES billing_payments (id),
    client_id   UUID                     NOT NULL,
    amount      NUMERIC(10, 2)           NOT NULL CHECK (amount > 0),
    refunded_by UUID                     NOT NULL,
    refunded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX billing_refunds_by_client ON billing_refunds (client_id, refunded_at);

-- what each Idempotency-Key was first used for, per caller: a retry with the same body answers the
-- same payment, a different body under the same key is refused
CREATE TABLE billing_idempotency_keys (
    caller_id    UUID                     NOT NULL,
    idempotency_key VARCHAR(100)          NOT NULL,
    request_hash CHAR(64)                 NOT NULL,
    payment_id   UUID                     NOT NULL REFERENCES billing_payments (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller_id, idempotency_key)
);
