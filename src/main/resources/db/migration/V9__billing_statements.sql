-- statements and superbills: who rendered each charged service, and the billing details of each
-- therapist (credentials and NPI) that a superbill needs

ALTER TABLE billing_charges ADD COLUMN provider_id UUID;

CREATE TABLE billing_providers (
    therapist_id UUID                     PRIMARY KEY,
    credentials  VARCHAR(40),
    npi          CHAR(10),
    updated_by   UUID                     NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX billing_refunds_by_client_time ON billing_refunds (client_id, refunded_at);
