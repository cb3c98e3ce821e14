-- Civic Portal schema, version 14: each audit chain's head remembers its newest entry's sequence and hash, and the
-- newest sequence a signed checkpoint outside the database was written for.
-- Appends continue from the head rather than from the newest remaining row, so deleting the newest entries leaves a
-- gap that verification reports and their numbers are never used again; verification checks that the chain ends
-- exactly at the head. anchored_sequence tells a tenant whose anchor file went missing from one that never had one.
-- Existing chains get their newest entry's values. Runs on H2 2.2 and PostgreSQL 14+ alike.

ALTER TABLE audit_chain ADD COLUMN last_sequence BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE audit_chain ADD COLUMN last_hash VARCHAR(64)
    DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL;
ALTER TABLE audit_chain ADD COLUMN anchored_sequence BIGINT DEFAULT 0 NOT NULL;

-- Every chain has a head since version 7; a chain that somehow lacks one gets it here.
INSERT INTO audit_chain (tenant)
SELECT DISTINCT e.tenant FROM audit_entry e WHERE e.tenant NOT IN (SELECT c.tenant FROM audit_chain c);

UPDATE audit_chain
SET last_sequence = (SELECT MAX(e.sequence) FROM audit_entry e WHERE e.tenant = audit_chain.tenant)
WHERE EXISTS (SELECT 1 FROM audit_entry e WHERE e.tenant = audit_chain.tenant);

UPDATE audit_chain
SET last_hash = (SELECT e.hash FROM audit_entry e
                 WHERE e.tenant = audit_chain.tenant AND e.sequence = audit_chain.last_sequence)
WHERE last_sequence > 0;
