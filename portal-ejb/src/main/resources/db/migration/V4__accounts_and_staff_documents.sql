-- Civic Portal schema, version 4: people who sign in (citizens and employees, with roles and clearances)
-- and the first classified content, staff documents. Runs on H2 2.2 and PostgreSQL 14+ alike.

CREATE SEQUENCE account_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE staff_document_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE account (
    id              BIGINT       NOT NULL PRIMARY KEY,
    tenant          VARCHAR(40)  NOT NULL,
    username        VARCHAR(80)  NOT NULL,
    email           VARCHAR(254),
    email_verified  BOOLEAN      DEFAULT FALSE NOT NULL,
    password_hash   VARCHAR(400) NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    clearance_level INTEGER      DEFAULT 0 NOT NULL,
    nationality     VARCHAR(40),
    failed_logins   INTEGER      DEFAULT 0 NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL,
    CONSTRAINT account_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code),
    CONSTRAINT account_username_uk UNIQUE (tenant, username)
);

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL,
    role       VARCHAR(40) NOT NULL,
    CONSTRAINT account_role_pk PRIMARY KEY (account_id, role),
    CONSTRAINT account_role_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE TABLE account_compartment (
    account_id  BIGINT      NOT NULL,
    compartment VARCHAR(60) NOT NULL,
    CONSTRAINT account_compartment_pk PRIMARY KEY (account_id, compartment),
    CONSTRAINT account_compartment_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);

-- A document's label is kept whole (the canonical marking, for display) and taken apart (level rank,
-- compartments, releasability) so that lists can filter on it in SQL, the query-side half of the policy.
CREATE TABLE staff_document (
    id             BIGINT          NOT NULL PRIMARY KEY,
    tenant         VARCHAR(40)     NOT NULL,
    agency         VARCHAR(40)     NOT NULL,
    language       VARCHAR(10)     NOT NULL,
    title          VARCHAR(200)    NOT NULL,
    body           VARCHAR(100000) NOT NULL,
    marking        VARCHAR(400)    NOT NULL,
    level_rank     INTEGER         NOT NULL,
    releasability  VARCHAR(10)     NOT NULL,
    created_by     VARCHAR(80)     NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT          NOT NULL,
    CONSTRAINT staff_document_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code)
);

CREATE TABLE staff_document_compartment (
    document_id BIGINT      NOT NULL,
    compartment VARCHAR(60) NOT NULL,
    CONSTRAINT staff_document_compartment_pk PRIMARY KEY (document_id, compartment),
    CONSTRAINT staff_document_compartment_fk FOREIGN KEY (document_id) REFERENCES staff_document (id)
);

CREATE TABLE staff_document_release (
    document_id BIGINT      NOT NULL,
    nation      VARCHAR(40) NOT NULL,
    CONSTRAINT staff_document_release_pk PRIMARY KEY (document_id, nation),
    CONSTRAINT staff_document_release_fk FOREIGN KEY (document_id) REFERENCES staff_document (id)
);

CREATE INDEX staff_document_level_ix ON staff_document (tenant, level_rank);
