-- Civic Portal schema, version 8: service requests. A published service may carry an online form (its questions as
-- JSON, versioned with the service's revisions). Citizens, guests and Open311 clients submit requests; case workers
-- handle them through a state machine whose every step is kept; messages go between the agency and the citizen, notes
-- stay inside the agency and carry their own label. Mail leaves through an outbox after commit.
-- Runs on H2 2.2 and PostgreSQL 14+ alike.

CREATE SEQUENCE service_request_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE request_event_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE request_message_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE request_attachment_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE request_draft_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE mail_outbox_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE open311_key_seq START WITH 50 INCREMENT BY 50;

ALTER TABLE service_revision ADD COLUMN form_definition TEXT;

-- The next reference number of a tenant in a year; submitters lock the row to take turns.
CREATE TABLE request_counter (
    tenant     VARCHAR(40) NOT NULL,
    year_value INTEGER     NOT NULL,
    last_value BIGINT      NOT NULL,
    CONSTRAINT request_counter_pk PRIMARY KEY (tenant, year_value),
    CONSTRAINT request_counter_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code)
);

CREATE TABLE service_request (
    id               BIGINT         NOT NULL PRIMARY KEY,
    tenant           VARCHAR(40)    NOT NULL,
    reference        VARCHAR(40)    NOT NULL,
    service_id       BIGINT         NOT NULL,
    service_code     VARCHAR(80)    NOT NULL,
    service_revision INTEGER        NOT NULL,
    agency           VARCHAR(40)    NOT NULL,
    team             VARCHAR(60),
    channel          VARCHAR(10)    NOT NULL,
    citizen          VARCHAR(80),
    email            VARCHAR(254),
    language         VARCHAR(10)    NOT NULL,
    state            VARCHAR(30)    NOT NULL,
    assignee         VARCHAR(80),
    answers          TEXT           NOT NULL,
    description      VARCHAR(4000),
    address          VARCHAR(400),
    latitude         DOUBLE PRECISION,
    longitude        DOUBLE PRECISION,
    marking          VARCHAR(400)   NOT NULL,
    level_rank       INTEGER        NOT NULL,
    idempotency_key  VARCHAR(100),
    open311_key_id   BIGINT,
    token            VARCHAR(60)    NOT NULL,
    submitted_at     TIMESTAMP      NOT NULL,
    updated_at       TIMESTAMP      NOT NULL,
    due_at           TIMESTAMP,
    closed_at        TIMESTAMP,
    version          BIGINT         NOT NULL,
    CONSTRAINT service_request_tenant_fk FOREIGN KEY (tenant) REFERENCES tenant (code),
    CONSTRAINT service_request_reference_uk UNIQUE (tenant, reference),
    CONSTRAINT service_request_token_uk UNIQUE (tenant, token),
    CONSTRAINT service_request_idempotency_uk UNIQUE (tenant, idempotency_key)
);
CREATE INDEX service_request_queue_ix ON service_request (tenant, agency, state, submitted_at);
CREATE INDEX service_request_citizen_ix ON service_request (tenant, citizen);

-- Every state change, with the public note shown to the citizen (and in Open311 status_notes).
CREATE TABLE request_event (
    id          BIGINT        NOT NULL PRIMARY KEY,
    tenant      VARCHAR(40)   NOT NULL,
    request_id  BIGINT        NOT NULL,
    at_time     TIMESTAMP     NOT NULL,
    actor       VARCHAR(80)   NOT NULL,
    from_state  VARCHAR(30),
    to_state    VARCHAR(30)   NOT NULL,
    assignee    VARCHAR(80),
    public_note VARCHAR(4000),
    CONSTRAINT request_event_request_fk FOREIGN KEY (request_id) REFERENCES service_request (id)
);
CREATE INDEX request_event_request_ix ON request_event (request_id);

-- kind MESSAGE: between citizen and agency, at the request's label. kind NOTE: internal, its own label, never shown
-- to the citizen or in Open311.
CREATE TABLE request_message (
    id         BIGINT        NOT NULL PRIMARY KEY,
    tenant     VARCHAR(40)   NOT NULL,
    request_id BIGINT        NOT NULL,
    kind       VARCHAR(10)   NOT NULL,
    author     VARCHAR(80)   NOT NULL,
    from_staff BOOLEAN       NOT NULL,
    body       VARCHAR(8000) NOT NULL,
    marking    VARCHAR(400)  NOT NULL,
    level_rank INTEGER       NOT NULL,
    at_time    TIMESTAMP     NOT NULL,
    CONSTRAINT request_message_request_fk FOREIGN KEY (request_id) REFERENCES service_request (id)
);
CREATE INDEX request_message_request_ix ON request_message (request_id);

-- A file: in a draft until the request is submitted, then of the request.
CREATE TABLE request_attachment (
    id          BIGINT        NOT NULL PRIMARY KEY,
    tenant      VARCHAR(40)   NOT NULL,
    draft_id    BIGINT,
    request_id  BIGINT,
    question    VARCHAR(60)   NOT NULL,
    file_name   VARCHAR(255)  NOT NULL,
    media_type  VARCHAR(100)  NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    sha256      VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP     NOT NULL
);
-- The bytes apart, so that listing a request's files does not read them.
CREATE TABLE request_attachment_content (
    attachment_id BIGINT      NOT NULL PRIMARY KEY,
    tenant        VARCHAR(40) NOT NULL,
    content       BYTEA       NOT NULL,
    CONSTRAINT request_attachment_content_fk FOREIGN KEY (attachment_id) REFERENCES request_attachment (id)
);
CREATE INDEX request_attachment_request_ix ON request_attachment (request_id);
CREATE INDEX request_attachment_draft_ix ON request_attachment (draft_id);

-- Answers typed so far; the token (a secret in the citizen's page) finds it again after a lost session.
CREATE TABLE request_draft (
    id              BIGINT        NOT NULL PRIMARY KEY,
    tenant          VARCHAR(40)   NOT NULL,
    token           VARCHAR(60)   NOT NULL,
    service_id      BIGINT        NOT NULL,
    owner           VARCHAR(80),
    email           VARCHAR(254),
    language        VARCHAR(10)   NOT NULL,
    answers         TEXT          NOT NULL,
    idempotency_key VARCHAR(100)  NOT NULL,
    request_id      BIGINT,
    updated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT request_draft_token_uk UNIQUE (tenant, token)
);

-- Keys tenant admins issue to Open311 clients; only the SHA-256 of a key is kept.
CREATE TABLE open311_key (
    id         BIGINT       NOT NULL PRIMARY KEY,
    tenant     VARCHAR(40)  NOT NULL,
    key_hash   VARCHAR(64)  NOT NULL,
    name       VARCHAR(120) NOT NULL,
    created_by VARCHAR(80)  NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    revoked_at TIMESTAMP,
    CONSTRAINT open311_key_hash_uk UNIQUE (tenant, key_hash)
);

-- Mail waits here until a sender takes it after commit; attempts back off; sent_at marks it done.
CREATE TABLE mail_outbox (
    id              BIGINT         NOT NULL PRIMARY KEY,
    tenant          VARCHAR(40)    NOT NULL,
    recipient       VARCHAR(254)   NOT NULL,
    subject         VARCHAR(400)   NOT NULL,
    body            TEXT           NOT NULL,
    message_id      VARCHAR(200)   NOT NULL,
    created_at      TIMESTAMP      NOT NULL,
    attempts        INTEGER        NOT NULL,
    next_attempt_at TIMESTAMP      NOT NULL,
    sent_at         TIMESTAMP,
    last_error      VARCHAR(1000)
);
CREATE INDEX mail_outbox_due_ix ON mail_outbox (sent_at, next_attempt_at);

-- A tenant may word its mails itself, per kind and locale; the portal's own wording is used otherwise.
CREATE TABLE mail_template (
    tenant  VARCHAR(40)   NOT NULL,
    kind    VARCHAR(40)   NOT NULL,
    locale  VARCHAR(10)   NOT NULL,
    subject VARCHAR(400)  NOT NULL,
    body    VARCHAR(8000) NOT NULL,
    CONSTRAINT mail_template_pk PRIMARY KEY (tenant, kind, locale)
);
