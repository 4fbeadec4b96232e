-- AgentTrail schema, version 2: custom framework files uploaded through the catalog API.
-- Append-only: a new version of a framework is a new row, never an update. Every instance loads
-- the rows in upload order on top of the built-in catalog and reloads when the row count or the
-- latest upload time changes. One script for H2 2.x and PostgreSQL 15.

CREATE TABLE custom_framework_file (
    id           VARCHAR(36) PRIMARY KEY,
    framework_id VARCHAR(64) NOT NULL,
    version      VARCHAR(32) NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content      VARCHAR(1000000) NOT NULL,
    sha256       CHAR(64) NOT NULL,
    uploaded_by  VARCHAR(128) NOT NULL,
    uploaded_at  TIMESTAMP NOT NULL,
    CONSTRAINT uq_custom_framework_version UNIQUE (framework_id, version)
);
CREATE INDEX ix_custom_framework_uploaded ON custom_framework_file (uploaded_at);
