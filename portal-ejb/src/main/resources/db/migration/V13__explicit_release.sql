-- Civic Portal schema, version 13. Runs on H2 2.2 and PostgreSQL 14+ alike.
-- Release to another nation is explicit: a record above a tenant's lowest level without a releasability caveat goes
-- to the tenant's own nationals only, unless the tenant says otherwise here.
ALTER TABLE tenant ADD COLUMN releases_unmarked BOOLEAN DEFAULT FALSE NOT NULL;
