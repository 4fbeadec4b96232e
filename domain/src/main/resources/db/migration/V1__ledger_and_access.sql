-- AgentTrail schema, version 1: the event ledger, sources with their ingest keys, users with their
-- API tokens. One script for H2 2.x and PostgreSQL 15: keep to the SQL both accept.
-- Timestamps are UTC, stored as TIMESTAMP without time zone.

CREATE TABLE ledger_head (
    id   INTEGER PRIMARY KEY,
    seq  BIGINT NOT NULL,
    hash CHAR(64) NOT NULL
);
INSERT INTO ledger_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE event (
    seq         BIGINT PRIMARY KEY,
    source      VARCHAR(64) NOT NULL,
    event_id    VARCHAR(128) NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    received_at TIMESTAMP NOT NULL,
    type        VARCHAR(32) NOT NULL,
    agent_id    VARCHAR(512) NOT NULL,
    session_id  VARCHAR(128),
    task        VARCHAR(128),
    tool        VARCHAR(256),
    outcome     VARCHAR(20),
    payload     VARCHAR(1000000) NOT NULL,
    hash        CHAR(64) NOT NULL,
    -- event_id leads so that the duplicate check (event_id IN (...) AND source = ?) is index lookups
    CONSTRAINT uq_event_id_source UNIQUE (event_id, source)
);
CREATE INDEX ix_event_agent ON event (agent_id, seq);
CREATE INDEX ix_event_occurred ON event (occurred_at);

CREATE TABLE source (
    name       VARCHAR(64) PRIMARY KEY,
    mode       VARCHAR(16) NOT NULL,
    heartbeat  VARCHAR(32),
    created_at TIMESTAMP NOT NULL,
    version    BIGINT NOT NULL
);

CREATE TABLE ingest_key (
    id          VARCHAR(32) PRIMARY KEY,
    source      VARCHAR(64) NOT NULL REFERENCES source (name),
    secret_hash CHAR(64) NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    revoked_at  TIMESTAMP
);
CREATE INDEX ix_ingest_key_source ON ingest_key (source);

CREATE TABLE app_user (
    username      VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    roles         VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    version       BIGINT NOT NULL
);

CREATE TABLE api_token (
    id          VARCHAR(32) PRIMARY KEY,
    username    VARCHAR(64) NOT NULL REFERENCES app_user (username),
    secret_hash CHAR(64) NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    revoked_at  TIMESTAMP
);
CREATE INDEX ix_api_token_user ON api_token (username);
