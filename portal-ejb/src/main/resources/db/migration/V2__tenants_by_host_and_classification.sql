-- Civic Portal schema, version 2: tenants are chosen by host name and carry a classification scheme; every
-- tenant-owned row names its tenant in a `tenant` column, which EclipseLink's multitenancy adds to every query.
-- Runs on H2 2.2 and PostgreSQL 14+ alike.

ALTER TABLE tenant ADD COLUMN nation VARCHAR(40);
ALTER TABLE tenant ADD COLUMN is_default BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE tenant SET nation = UPPER(code);
ALTER TABLE tenant ALTER COLUMN nation SET NOT NULL;

CREATE TABLE tenant_host (
    host   VARCHAR(255) NOT NULL PRIMARY KEY,
    tenant VARCHAR(40)  NOT NULL,
    CONSTRAINT tenant_host_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code)
);

-- The tenant's ordered classification levels, lowest first (level_rank 0).
CREATE TABLE tenant_level (
    tenant     VARCHAR(40) NOT NULL,
    level_rank INTEGER     NOT NULL,
    name       VARCHAR(60) NOT NULL,
    CONSTRAINT tenant_level_pk PRIMARY KEY (tenant, level_rank),
    CONSTRAINT tenant_level_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code)
);

CREATE TABLE tenant_compartment (
    tenant VARCHAR(40) NOT NULL,
    name   VARCHAR(60) NOT NULL,
    CONSTRAINT tenant_compartment_pk PRIMARY KEY (tenant, name),
    CONSTRAINT tenant_compartment_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code)
);

-- Agencies: the tenant code replaces the tenant id.
ALTER TABLE agency ADD COLUMN tenant VARCHAR(40);
UPDATE agency SET tenant = (SELECT t.code FROM tenant t WHERE t.id = agency.tenant_id);
ALTER TABLE agency ALTER COLUMN tenant SET NOT NULL;
ALTER TABLE agency DROP CONSTRAINT agency_code_uk;
ALTER TABLE agency DROP CONSTRAINT agency_tenant_fk;
ALTER TABLE agency DROP COLUMN tenant_id;
ALTER TABLE agency ADD CONSTRAINT agency_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code);
ALTER TABLE agency ADD CONSTRAINT agency_code_uk UNIQUE (tenant, code);

ALTER TABLE public_service ADD COLUMN tenant VARCHAR(40);
UPDATE public_service SET tenant = (SELECT a.tenant FROM agency a WHERE a.id = public_service.agency_id);
ALTER TABLE public_service ALTER COLUMN tenant SET NOT NULL;
ALTER TABLE public_service ADD CONSTRAINT public_service_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code);

-- Slugs are unique within a tenant: two governments may both have /services/apply-for-a-passport.
ALTER TABLE service_translation ADD COLUMN tenant VARCHAR(40);
UPDATE service_translation SET tenant = (SELECT s.tenant FROM public_service s WHERE s.id = service_translation.service_id);
ALTER TABLE service_translation ALTER COLUMN tenant SET NOT NULL;
ALTER TABLE service_translation DROP CONSTRAINT service_translation_slug_uk;
ALTER TABLE service_translation ADD CONSTRAINT service_translation_slug_uk UNIQUE (tenant, slug);
ALTER TABLE service_translation ADD CONSTRAINT service_translation_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code);

-- The outbox is read across tenants by the index relay, so it names the tenant of each entry.
ALTER TABLE index_outbox ADD COLUMN tenant VARCHAR(40);
UPDATE index_outbox SET tenant = (SELECT s.tenant FROM public_service s WHERE s.id = index_outbox.entity_id);
DELETE FROM index_outbox WHERE tenant IS NULL;
ALTER TABLE index_outbox ALTER COLUMN tenant SET NOT NULL;
