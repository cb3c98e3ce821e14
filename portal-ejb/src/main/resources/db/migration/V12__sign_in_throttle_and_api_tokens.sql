-- Civic Portal schema, version 12: failed sign-ins are throttled per client address, never by locking the
-- account (a stranger could otherwise lock its owner out). Runs on H2 2.2 and PostgreSQL 14+ alike.
CREATE TABLE sign_in_throttle (
    throttle_key  VARCHAR(300) NOT NULL PRIMARY KEY,
    failures      INTEGER      NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt  TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sign_in_throttle_last_ix ON sign_in_throttle (last_attempt);

ALTER TABLE account DROP COLUMN failed_logins;
ALTER TABLE account DROP COLUMN locked_until;

-- Tokens people make for their scripts (instead of sending a password, hashed at every call, with each request).
-- Only a token's SHA-256 is kept, and its first characters to tell tokens apart in lists.
CREATE SEQUENCE api_token_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE api_token (
    id           BIGINT       NOT NULL PRIMARY KEY,
    tenant       VARCHAR(40)  NOT NULL,
    owner        VARCHAR(80)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    prefix       VARCHAR(12)  NOT NULL,
    scope        VARCHAR(10)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    revoked_by   VARCHAR(80),
    CONSTRAINT api_token_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code),
    CONSTRAINT api_token_hash_uk UNIQUE (token_hash)
);
CREATE INDEX api_token_owner_ix ON api_token (tenant, owner);
