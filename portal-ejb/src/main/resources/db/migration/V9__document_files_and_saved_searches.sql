-- Civic Portal schema, version 9: files attached to staff documents (their text extracted for search, under the
-- document's label), and the searches employees save.
-- Runs on H2 2.2 and PostgreSQL 14+ alike.

CREATE SEQUENCE document_attachment_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE saved_search_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE document_attachment (
    id             BIGINT        NOT NULL PRIMARY KEY,
    tenant         VARCHAR(40)   NOT NULL,
    document_id    BIGINT        NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    media_type     VARCHAR(100)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    extracted_text TEXT          NOT NULL,
    added_by       VARCHAR(80)   NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    CONSTRAINT document_attachment_document_fk FOREIGN KEY (document_id) REFERENCES staff_document (id)
);
CREATE INDEX document_attachment_document_ix ON document_attachment (document_id);

CREATE TABLE document_attachment_content (
    attachment_id BIGINT      NOT NULL PRIMARY KEY,
    tenant        VARCHAR(40) NOT NULL,
    content       BYTEA       NOT NULL,
    CONSTRAINT document_attachment_content_fk FOREIGN KEY (attachment_id) REFERENCES document_attachment (id)
);

CREATE TABLE saved_search (
    id         BIGINT        NOT NULL PRIMARY KEY,
    tenant     VARCHAR(40)   NOT NULL,
    owner      VARCHAR(80)   NOT NULL,
    name       VARCHAR(120)  NOT NULL,
    query      VARCHAR(2000) NOT NULL,
    created_at TIMESTAMP     NOT NULL,
    CONSTRAINT saved_search_name_uk UNIQUE (tenant, owner, name)
);
