-- Accounts and what signing in needs. Tokens are stored only as SHA-256 hashes.
CREATE TABLE accounts (
    id                UUID                     PRIMARY KEY,
    email             VARCHAR(254)             NOT NULL UNIQUE,
    first_name        VARCHAR(100)             NOT NULL,
    last_name         VARCHAR(100)             NOT NULL,
    role              VARCHAR(16)              NOT NULL,
    status            VARCHAR(32)              NOT NULL,
    password_hash     VARCHAR(255)             NOT NULL,
    email_verified_at TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX accounts_role ON accounts (role, status);

CREATE TABLE one_time_tokens (
    token_hash CHAR(64)                 PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES accounts (id),
    purpose    VARCHAR(32)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX one_time_tokens_account ON one_time_tokens (account_id);

CREATE TABLE refresh_tokens (
    token_hash CHAR(64)                 PRIMARY KEY,
    family_id  UUID                     NOT NULL,
    account_id UUID                     NOT NULL REFERENCES accounts (id),
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id);

-- The sign-in audit, append-only; throttling counts from it.
CREATE TABLE security_events (
    position    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          UUID                     NOT NULL UNIQUE,
    type        VARCHAR(40)              NOT NULL,
    account_id  UUID,
    address     VARCHAR(64)              NOT NULL,
    user_agent  VARCHAR(512)             NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX security_events_account ON security_events (account_id, type, occurred_at);
CREATE INDEX security_events_address ON security_events (address, type, occurred_at);

-- Mail waiting to be sent, written in the transaction that causes it; sent by the SMTP relay
-- when mail is configured, shown at /api/v1/dev/outbox in embedded mode.
CREATE TABLE mail_outbox (
    position   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id         UUID                     NOT NULL UNIQUE,
    recipient  VARCHAR(254)             NOT NULL,
    subject    VARCHAR(200)             NOT NULL,
    body       VARCHAR(8000)            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX mail_outbox_unsent ON mail_outbox (sent_at, position);
