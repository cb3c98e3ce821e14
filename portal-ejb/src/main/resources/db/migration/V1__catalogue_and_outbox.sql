-- Civic Portal schema, version 1: tenants, agencies, the public service catalogue and the search outbox.
-- Sequences start at their increment because EclipseLink allocates ids in blocks ending at the value it reads.
-- Written in the SQL subset that H2 2.2 and PostgreSQL 14+ both accept; every migration is run on both in the tests.

CREATE SEQUENCE tenant_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE agency_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE public_service_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE service_translation_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE index_outbox_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE tenant (
    id             BIGINT       NOT NULL PRIMARY KEY,
    code           VARCHAR(40)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    default_locale VARCHAR(10)  NOT NULL,
    CONSTRAINT tenant_code_uk UNIQUE (code)
);

CREATE TABLE agency (
    id        BIGINT      NOT NULL PRIMARY KEY,
    tenant_id BIGINT      NOT NULL,
    code      VARCHAR(40) NOT NULL,
    CONSTRAINT agency_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT agency_code_uk UNIQUE (tenant_id, code)
);

CREATE TABLE agency_name (
    agency_id BIGINT       NOT NULL,
    language  VARCHAR(10)  NOT NULL,
    name      VARCHAR(200) NOT NULL,
    CONSTRAINT agency_name_pk PRIMARY KEY (agency_id, language),
    CONSTRAINT agency_name_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id)
);

CREATE TABLE public_service (
    id           BIGINT      NOT NULL PRIMARY KEY,
    agency_id    BIGINT      NOT NULL,
    code         VARCHAR(80) NOT NULL,
    state        VARCHAR(20) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    version      BIGINT      NOT NULL,
    CONSTRAINT public_service_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id),
    CONSTRAINT public_service_code_uk UNIQUE (agency_id, code)
);

CREATE TABLE service_translation (
    id         BIGINT         NOT NULL PRIMARY KEY,
    service_id BIGINT         NOT NULL,
    language   VARCHAR(10)    NOT NULL,
    slug       VARCHAR(120)   NOT NULL,
    title      VARCHAR(200)   NOT NULL,
    summary    VARCHAR(1000)  NOT NULL,
    body       VARCHAR(100000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_translation_service_fk FOREIGN KEY (service_id) REFERENCES public_service (id),
    CONSTRAINT service_translation_language_uk UNIQUE (service_id, language),
    CONSTRAINT service_translation_slug_uk UNIQUE (slug)
);

CREATE INDEX public_service_state_ix ON public_service (state);

-- Rows written in the same transaction as a change to indexed content, applied to the Lucene index after commit
-- and deleted once the index has committed them.
CREATE TABLE index_outbox (
    id          BIGINT      NOT NULL PRIMARY KEY,
    entity_type VARCHAR(40) NOT NULL,
    entity_id   BIGINT      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
