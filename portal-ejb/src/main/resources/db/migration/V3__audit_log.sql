-- Civic Portal schema, version 3: the hash-chained audit log.
-- Depends only on version 1. The tenant column holds the tenant's code and deliberately has no foreign key: the
-- tenant table may be restructured, and audit rows must outlive whatever they describe.
-- Written in the SQL subset that H2 2.2 and PostgreSQL 14+ both accept.

CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;

-- Rows are only ever inserted. Each row's hash covers its content and the previous row's hash in the same tenant,
-- so editing, deleting or reordering rows breaks the chain at the first row touched.
CREATE TABLE audit_entry (
    id            BIGINT        NOT NULL PRIMARY KEY,
    tenant        VARCHAR(40)   NOT NULL,
    sequence      BIGINT        NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(200)  NOT NULL,
    action        VARCHAR(40)   NOT NULL,
    subject       VARCHAR(200)  NOT NULL,
    detail        VARCHAR(2000) NOT NULL,
    previous_hash VARCHAR(64)   NOT NULL,
    hash          VARCHAR(64)   NOT NULL,
    -- One chain per tenant: a second writer that computed the same next number fails instead of forking it.
    CONSTRAINT audit_entry_sequence_uk UNIQUE (tenant, sequence)
);

CREATE INDEX audit_entry_occurred_ix ON audit_entry (tenant, occurred_at);
CREATE INDEX audit_entry_actor_ix ON audit_entry (tenant, actor);
