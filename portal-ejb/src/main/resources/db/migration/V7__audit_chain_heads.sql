-- Civic Portal schema, version 7: one row per tenant that appenders to its audit chain lock (SELECT ... FOR UPDATE)
-- before they read the newest entry, so that they take turns. Locking the newest entry itself, as before, let two
-- appenders now and then read the same newest entry on H2 and collide on the entry's number.
-- Runs on H2 2.2 and PostgreSQL 14+ alike.

CREATE TABLE audit_chain (
    tenant VARCHAR(40) NOT NULL PRIMARY KEY
);

INSERT INTO audit_chain (tenant) SELECT code FROM tenant;
INSERT INTO audit_chain (tenant)
SELECT DISTINCT e.tenant FROM audit_entry e WHERE e.tenant NOT IN (SELECT c.tenant FROM audit_chain c);
