-- Civic Portal schema, version 11: devices that work offline and sync back. An employee registers a device (only the
-- SHA-256 of its token is kept); a tenant admin accredits, suspends, re-approves or wipes it. Every change to a synced
-- record (staff documents, service requests) writes a row of the tenant's change log in the same transaction, numbered
-- from a locked counter so numbers are given in commit order. The server remembers what each device holds, so it can
-- revoke exactly that; pushed operations are kept by id so a replay returns its first result; conflicting edits are kept.
-- Runs on H2 2.2 and PostgreSQL 14+ alike.

CREATE SEQUENCE device_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE sync_conflict_seq START WITH 50 INCREMENT BY 50;

-- How long a device may stay silent before an admin must approve it again (72 hours unless the tenant says otherwise).
ALTER TABLE tenant ADD COLUMN device_grace_seconds BIGINT DEFAULT 259200 NOT NULL;

CREATE TABLE device (
    id             BIGINT        NOT NULL PRIMARY KEY,
    tenant         VARCHAR(40)   NOT NULL,
    owner          VARCHAR(80)   NOT NULL,
    name           VARCHAR(120)  NOT NULL,
    platform       VARCHAR(60)   NOT NULL,
    token_hash     VARCHAR(64)   NOT NULL,
    cursor_key     VARCHAR(44)   NOT NULL,
    accreditation  VARCHAR(400)  NOT NULL,
    state          VARCHAR(20)   NOT NULL,
    scope_print    VARCHAR(64),
    registered_at  TIMESTAMP     NOT NULL,
    approved_at    TIMESTAMP     NOT NULL,
    last_seen_at   TIMESTAMP,
    changed_at     TIMESTAMP     NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT device_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code),
    CONSTRAINT device_token_uk UNIQUE (token_hash)
);
CREATE INDEX device_owner_ix ON device (tenant, owner);

-- The last change number given in a tenant; writers lock the row to take turns.
CREATE TABLE sync_counter (
    tenant     VARCHAR(40) NOT NULL PRIMARY KEY,
    last_value BIGINT      NOT NULL,
    CONSTRAINT sync_counter_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code)
);

-- One row per record for every device (device_id NULL: only the record's latest change is kept), or a row that asks
-- one device to look at a record again (its scope changed).
CREATE TABLE sync_change (
    tenant     VARCHAR(40) NOT NULL,
    seq        BIGINT      NOT NULL,
    item_type  VARCHAR(20) NOT NULL,
    item_id    BIGINT      NOT NULL,
    device_id  BIGINT,
    changed_at TIMESTAMP   NOT NULL,
    CONSTRAINT sync_change_pk PRIMARY KEY (tenant, seq)
);
CREATE INDEX sync_change_item_ix ON sync_change (tenant, item_type, item_id);

CREATE TABLE device_holding (
    device_id BIGINT      NOT NULL,
    item_type VARCHAR(20) NOT NULL,
    item_id   BIGINT      NOT NULL,
    state     VARCHAR(10) NOT NULL,
    version   BIGINT      NOT NULL,
    CONSTRAINT device_holding_pk PRIMARY KEY (device_id, item_type, item_id),
    CONSTRAINT device_holding_device_fk FOREIGN KEY (device_id) REFERENCES device (id)
);

CREATE TABLE sync_op (
    device_id  BIGINT        NOT NULL,
    op_id      VARCHAR(100)  NOT NULL,
    result     VARCHAR(8000) NOT NULL,
    applied_at TIMESTAMP     NOT NULL,
    CONSTRAINT sync_op_pk PRIMARY KEY (device_id, op_id),
    CONSTRAINT sync_op_device_fk FOREIGN KEY (device_id) REFERENCES device (id)
);

CREATE TABLE sync_conflict (
    id             BIGINT        NOT NULL PRIMARY KEY,
    tenant         VARCHAR(40)   NOT NULL,
    item_type      VARCHAR(20)   NOT NULL,
    item_id        BIGINT        NOT NULL,
    device_id      BIGINT        NOT NULL,
    author         VARCHAR(80)   NOT NULL,
    base_version   BIGINT        NOT NULL,
    server_version BIGINT        NOT NULL,
    pushed         TEXT          NOT NULL,
    marking        VARCHAR(400)  NOT NULL,
    level_rank     INTEGER       NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    resolved_at    TIMESTAMP,
    resolved_by    VARCHAR(80),
    resolution     VARCHAR(20),
    CONSTRAINT sync_conflict_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code),
    CONSTRAINT sync_conflict_device_fk FOREIGN KEY (device_id) REFERENCES device (id)
);
CREATE INDEX sync_conflict_item_ix ON sync_conflict (tenant, item_type, item_id);

-- Records written before this version enter the change log once, so a device's first pull finds them.
INSERT INTO sync_counter (tenant, last_value) SELECT code, 0 FROM tenant;

INSERT INTO sync_change (tenant, seq, item_type, item_id, device_id, changed_at)
SELECT tenant, ROW_NUMBER() OVER (PARTITION BY tenant ORDER BY updated_at, id), 'document', id, NULL, updated_at
FROM staff_document;

INSERT INTO sync_change (tenant, seq, item_type, item_id, device_id, changed_at)
SELECT r.tenant,
       ROW_NUMBER() OVER (PARTITION BY r.tenant ORDER BY r.updated_at, r.id)
         + (SELECT COUNT(*) FROM staff_document d WHERE d.tenant = r.tenant),
       'request', r.id, NULL, r.updated_at
FROM service_request r;

UPDATE sync_counter SET last_value = (SELECT COALESCE(MAX(c.seq), 0) FROM sync_change c WHERE c.tenant = sync_counter.tenant);
