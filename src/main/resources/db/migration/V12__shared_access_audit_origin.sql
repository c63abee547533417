-- From where each clinical record was read: the client address of the HTTP request that read it
-- (after the proxy headers Haven is configured to trust), null for reads that came another way.
ALTER TABLE access_audit ADD COLUMN origin VARCHAR(64);

CREATE INDEX access_audit_time ON access_audit (occurred_at, position);
