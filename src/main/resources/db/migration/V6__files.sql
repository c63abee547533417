-- files: what each upload is (type detected from its bytes, safe name, owner) and the blobs they
-- share. Identical uploads share one blob named by its SHA-256; refs counts the files that use it,
-- and the blob's bytes are deleted when it falls to zero.
CREATE TABLE file_blobs (
    sha256     CHAR(64)                 PRIMARY KEY,
    size       BIGINT                   NOT NULL CHECK (size > 0),
    refs       INTEGER                  NOT NULL CHECK (refs >= 0),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE files (
    id           UUID                     PRIMARY KEY,
    sha256       CHAR(64)                 NOT NULL REFERENCES file_blobs (sha256),
    name         VARCHAR(120)             NOT NULL,
    content_type VARCHAR(100)             NOT NULL,
    size         BIGINT                   NOT NULL,
    owner_id     UUID                     NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX files_by_blob ON files (sha256);
