-- Civic Portal schema, version 6: the editorial catalogue. A service now has numbered revisions that go
-- draft -> in review -> (scheduled) -> published -> superseded or archived; a revision that left draft never
-- changes again. service_translation stays what citizens and the index read: the published revision's texts.
-- Tenants get their list of locales, a category taxonomy and their branding. Import jobs run in the background.
-- Runs on H2 2.2 and PostgreSQL 14+ alike.

CREATE SEQUENCE service_revision_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE category_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE import_job_seq START WITH 50 INCREMENT BY 50;

-- The languages a tenant publishes in, its default first (position 0).
CREATE TABLE tenant_locale (
    tenant   VARCHAR(40) NOT NULL,
    locale   VARCHAR(10) NOT NULL,
    position INTEGER     NOT NULL,
    CONSTRAINT tenant_locale_pk PRIMARY KEY (tenant, locale),
    CONSTRAINT tenant_locale_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code)
);
INSERT INTO tenant_locale (tenant, locale, position) SELECT code, default_locale, 0 FROM tenant;
-- and every other language a tenant's services are already written in, in alphabetical order after the default
INSERT INTO tenant_locale (tenant, locale, position)
SELECT DISTINCT t.tenant, t.language,
       1 + (SELECT COUNT(DISTINCT o.language) FROM service_translation o
            WHERE o.tenant = t.tenant AND o.language < t.language
              AND o.language <> (SELECT d.default_locale FROM tenant d WHERE d.code = t.tenant))
FROM service_translation t
WHERE t.language <> (SELECT d.default_locale FROM tenant d WHERE d.code = t.tenant);

-- Branding a tenant admin sets without a rebuild. The logo is kept as a data: URL (at most 256 KB of image).
ALTER TABLE tenant ADD COLUMN brand_colour VARCHAR(7);
ALTER TABLE tenant ADD COLUMN logo VARCHAR(400000);
ALTER TABLE tenant ADD COLUMN branding_version BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE category (
    id     BIGINT      NOT NULL PRIMARY KEY,
    tenant VARCHAR(40) NOT NULL,
    code   VARCHAR(60) NOT NULL,
    CONSTRAINT category_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code),
    CONSTRAINT category_code_uk UNIQUE (tenant, code)
);

CREATE TABLE category_name (
    category_id BIGINT       NOT NULL,
    language    VARCHAR(10)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    CONSTRAINT category_name_pk PRIMARY KEY (category_id, language),
    CONSTRAINT category_name_category_fk FOREIGN KEY (category_id) REFERENCES category (id)
);

-- Employees belong to agencies; editors and reviewers act on their agencies' services only.
CREATE TABLE account_agency (
    account_id BIGINT      NOT NULL,
    agency     VARCHAR(40) NOT NULL,
    CONSTRAINT account_agency_pk PRIMARY KEY (account_id, agency),
    CONSTRAINT account_agency_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);

ALTER TABLE public_service ADD COLUMN external_id VARCHAR(120);
-- the number of the revision citizens read, while the service is published
ALTER TABLE public_service ADD COLUMN published_revision INTEGER;
ALTER TABLE public_service ADD COLUMN unpublish_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE public_service ADD CONSTRAINT public_service_external_uk UNIQUE (tenant, external_id);

CREATE TABLE service_revision (
    id              BIGINT       NOT NULL PRIMARY KEY,
    tenant          VARCHAR(40)  NOT NULL,
    service_id      BIGINT       NOT NULL,
    number          INTEGER      NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    source_language VARCHAR(10)  NOT NULL,
    source_stamp    INTEGER      NOT NULL,
    category        VARCHAR(60),
    channels        VARCHAR(100),
    tags            VARCHAR(1000),
    related         VARCHAR(1000),
    ceiling         VARCHAR(400),
    processing_days INTEGER,
    review_comment  VARCHAR(2000),
    edited_by       VARCHAR(80)  NOT NULL,
    submitted_by    VARCHAR(80),
    reviewed_by     VARCHAR(80),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    publish_at      TIMESTAMP WITH TIME ZONE,
    published_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL,
    CONSTRAINT service_revision_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code),
    CONSTRAINT service_revision_service_fk FOREIGN KEY (service_id) REFERENCES public_service (id),
    CONSTRAINT service_revision_number_uk UNIQUE (service_id, number)
);
CREATE INDEX service_revision_due_ix ON service_revision (state, publish_at);

-- A revision's text in one language. source_stamp is the revision's source_stamp when this text was last
-- written: a translation whose stamp is behind its revision's is outdated.
CREATE TABLE service_revision_text (
    revision_id      BIGINT          NOT NULL,
    language         VARCHAR(10)     NOT NULL,
    slug             VARCHAR(120)    NOT NULL,
    title            VARCHAR(200)    NOT NULL,
    summary          VARCHAR(1000)   NOT NULL,
    body             VARCHAR(100000) NOT NULL,
    eligibility      VARCHAR(20000),
    documents_needed VARCHAR(20000),
    fees             VARCHAR(2000),
    processing_time  VARCHAR(500),
    contact          VARCHAR(2000),
    source_stamp     INTEGER         NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_revision_text_pk PRIMARY KEY (revision_id, language),
    CONSTRAINT service_revision_text_revision_fk FOREIGN KEY (revision_id) REFERENCES service_revision (id)
);

-- Services that existed before revisions become their own revision 1. Their ids are the services' ids negated,
-- so they can never meet an id the sequence hands out.
INSERT INTO service_revision (id, tenant, service_id, number, state, source_language, source_stamp, edited_by,
                              created_at, updated_at, published_at, version)
SELECT -s.id, s.tenant, s.id, 1, s.state,
       COALESCE((SELECT t.language FROM service_translation t JOIN tenant d ON d.code = s.tenant
                 WHERE t.service_id = s.id AND t.language = d.default_locale),
                (SELECT MIN(t.language) FROM service_translation t WHERE t.service_id = s.id),
                (SELECT d.default_locale FROM tenant d WHERE d.code = s.tenant)), 1,
       'migration', COALESCE(s.published_at, CURRENT_TIMESTAMP), COALESCE(s.published_at, CURRENT_TIMESTAMP),
       s.published_at, 1
FROM public_service s;

INSERT INTO service_revision_text (revision_id, language, slug, title, summary, body, source_stamp, updated_at)
SELECT -t.service_id, t.language, t.slug, t.title, t.summary, t.body, 1, t.updated_at FROM service_translation t;

UPDATE public_service SET published_revision = 1 WHERE state = 'PUBLISHED';

CREATE TABLE import_job (
    id          BIGINT       NOT NULL PRIMARY KEY,
    tenant      VARCHAR(40)  NOT NULL,
    format      VARCHAR(20)  NOT NULL,
    state       VARCHAR(20)  NOT NULL,
    total       INTEGER      NOT NULL,
    processed   INTEGER      NOT NULL,
    created     INTEGER      NOT NULL,
    updated     INTEGER      NOT NULL,
    created_by  VARCHAR(80)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    failure     VARCHAR(2000),
    version     BIGINT       NOT NULL,
    CONSTRAINT import_job_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code)
);

-- The uploaded file, apart from the job so that reading a job's progress never loads it.
CREATE TABLE import_file (
    job_id  BIGINT NOT NULL PRIMARY KEY,
    tenant  VARCHAR(40) NOT NULL,
    content TEXT   NOT NULL,
    CONSTRAINT import_file_job_fk FOREIGN KEY (job_id) REFERENCES import_job (id)
);

CREATE TABLE import_rejection (
    job_id BIGINT        NOT NULL,
    line   INTEGER       NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    CONSTRAINT import_rejection_pk PRIMARY KEY (job_id, line),
    CONSTRAINT import_rejection_job_fk FOREIGN KEY (job_id) REFERENCES import_job (id)
);
