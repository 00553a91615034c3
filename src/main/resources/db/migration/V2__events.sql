-- Ingest and digest: the durable intake, issues and their events, and the aggregates the pages and the API read.
-- Event bodies are gzip-compressed JSON in bytea (smaller and cheaper to write than jsonb); what PostgreSQL must
-- search lives in small columns beside them.

ALTER TABLE projects
    ADD COLUMN scrub_data         boolean NOT NULL DEFAULT true,
    ADD COLUMN scrub_ip_addresses boolean NOT NULL DEFAULT false,
    ADD COLUMN issue_counter      bigint  NOT NULL DEFAULT 0,
    ADD COLUMN first_event_at     timestamptz;

-- What ingest has acknowledged and digest has not processed yet. A 200 to an SDK means its row is committed here.
-- No foreign key: intake writes must not wait on locks of projects being edited; digest drops rows of deleted projects.
CREATE TABLE intake (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   bigint      NOT NULL,
    kind         smallint    NOT NULL,
    event_id     uuid        NOT NULL,
    received_at  timestamptz NOT NULL,
    sent_at      timestamptz,
    client_ip    text,
    payload      bytea       NOT NULL
);

-- Event ids seen per project, so a resent event is stored once. Kept for a week (ingest retries come within hours).
CREATE TABLE event_ids (
    project_id   bigint      NOT NULL,
    event_id     uuid        NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (project_id, event_id)
);
CREATE INDEX event_ids_received_at ON event_ids (received_at);

CREATE TABLE issues (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id     bigint      NOT NULL REFERENCES projects ON DELETE CASCADE,
    short_id       bigint      NOT NULL,
    type           text        NOT NULL,
    title          text        NOT NULL,
    culprit        text        NOT NULL DEFAULT '',
    metadata       jsonb       NOT NULL DEFAULT '{}',
    level          smallint    NOT NULL,
    platform       text        NOT NULL DEFAULT 'other',
    status         text        NOT NULL DEFAULT 'unresolved' CHECK (status IN ('unresolved', 'resolved', 'ignored')),
    regressed      boolean     NOT NULL DEFAULT false,
    times_seen     bigint      NOT NULL DEFAULT 0,
    users_seen     bigint      NOT NULL DEFAULT 0,
    first_seen     timestamptz NOT NULL,
    last_seen      timestamptz NOT NULL,
    first_release  text,
    last_release   text,
    resolved_at    timestamptz,
    search         tsvector,
    UNIQUE (project_id, short_id)
);
CREATE INDEX issues_project_last_seen ON issues (project_id, last_seen DESC);
CREATE INDEX issues_search ON issues USING gin (search);

-- Grouping hashes and the issue each belongs to; several hashes point at one issue once issues are merged.
CREATE TABLE issue_hashes (
    project_id  bigint NOT NULL,
    hash        text   NOT NULL,
    issue_id    bigint NOT NULL REFERENCES issues ON DELETE CASCADE,
    PRIMARY KEY (project_id, hash)
);
CREATE INDEX issue_hashes_issue_id ON issue_hashes (issue_id);

CREATE TABLE events (
    project_id   bigint      NOT NULL,
    event_id     uuid        NOT NULL,
    issue_id     bigint      NOT NULL,
    received_at  timestamptz NOT NULL,
    occurred_at  timestamptz NOT NULL,
    level        smallint    NOT NULL,
    environment  text,
    release      text,
    user_key     text,
    hash         text        NOT NULL,
    tags         text[]      NOT NULL,
    body         bytea       NOT NULL
) PARTITION BY RANGE (received_at);
CREATE INDEX events_issue ON events (issue_id, received_at DESC);
CREATE INDEX events_project_event ON events (project_id, event_id);
CREATE TABLE events_default PARTITION OF events DEFAULT;

-- How often each value of each tag was seen in an issue: the sidebar's distributions and tag search.
CREATE TABLE issue_tag_values (
    issue_id    bigint      NOT NULL REFERENCES issues ON DELETE CASCADE,
    key         text        NOT NULL,
    value       text        NOT NULL,
    times_seen  bigint      NOT NULL,
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    PRIMARY KEY (issue_id, key, value)
);

CREATE TABLE issue_users (
    issue_id  bigint NOT NULL REFERENCES issues ON DELETE CASCADE,
    user_key  text   NOT NULL,
    PRIMARY KEY (issue_id, user_key)
);

CREATE TABLE issue_hourly_counts (
    issue_id  bigint      NOT NULL REFERENCES issues ON DELETE CASCADE,
    hour      timestamptz NOT NULL,
    count     bigint      NOT NULL,
    PRIMARY KEY (issue_id, hour)
);

-- Per project and hour: errors and transactions accepted, for charts and stats.
CREATE TABLE project_hourly_counts (
    project_id  bigint      NOT NULL REFERENCES projects ON DELETE CASCADE,
    hour        timestamptz NOT NULL,
    kind        smallint    NOT NULL,
    count       bigint      NOT NULL,
    PRIMARY KEY (project_id, hour, kind)
);

-- Files sent with an event; written at intake, in the same commit as the event.
CREATE TABLE event_attachments (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id       bigint      NOT NULL REFERENCES projects ON DELETE CASCADE,
    event_id         uuid        NOT NULL,
    name             text        NOT NULL,
    content_type     text,
    attachment_type  text,
    size             bigint      NOT NULL,
    received_at      timestamptz NOT NULL,
    data             bytea       NOT NULL
);
CREATE INDEX event_attachments_event ON event_attachments (project_id, event_id);

-- What users wrote about an error (the SDKs' user feedback and user reports).
CREATE TABLE user_feedback (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   bigint      NOT NULL REFERENCES projects ON DELETE CASCADE,
    event_id     uuid,
    name         text        NOT NULL DEFAULT '',
    email        text        NOT NULL DEFAULT '',
    comments     text        NOT NULL,
    received_at  timestamptz NOT NULL
);
CREATE INDEX user_feedback_event ON user_feedback (project_id, event_id);

CREATE TABLE transactions (
    project_id   bigint           NOT NULL,
    event_id     uuid             NOT NULL,
    received_at  timestamptz      NOT NULL,
    started_at   timestamptz      NOT NULL,
    name         text             NOT NULL,
    op           text,
    duration_ms  double precision NOT NULL,
    status       text,
    trace_id     text,
    environment  text,
    release      text,
    body         bytea            NOT NULL
) PARTITION BY RANGE (received_at);
CREATE INDEX transactions_project_name ON transactions (project_id, name, received_at DESC);
CREATE INDEX transactions_trace ON transactions (trace_id);
CREATE TABLE transactions_default PARTITION OF transactions DEFAULT;

CREATE TABLE transaction_minute_stats (
    project_id    bigint           NOT NULL REFERENCES projects ON DELETE CASCADE,
    name          text             NOT NULL,
    minute        timestamptz      NOT NULL,
    count         bigint           NOT NULL,
    duration_sum  double precision NOT NULL,
    duration_min  double precision NOT NULL,
    duration_max  double precision NOT NULL,
    errors        bigint           NOT NULL,
    PRIMARY KEY (project_id, name, minute)
);

-- Intake rows digest could not process on their own (a bug, or data no rule foresaw): kept, not lost, with why.
CREATE TABLE intake_failures (
    id           bigint      PRIMARY KEY,
    project_id   bigint      NOT NULL,
    kind         smallint    NOT NULL,
    event_id     uuid        NOT NULL,
    received_at  timestamptz NOT NULL,
    sent_at      timestamptz,
    client_ip    text,
    payload      bytea       NOT NULL,
    error        text        NOT NULL,
    failed_at    timestamptz NOT NULL DEFAULT now()
);

-- Projects deleted whose events, transactions and intake rows (no foreign keys) maintenance still has to remove.
CREATE TABLE deleted_projects (
    id          bigint      PRIMARY KEY,
    deleted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION remember_deleted_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deleted_projects (id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
    RETURN OLD;
END $$;
CREATE TRIGGER projects_deleted AFTER DELETE ON projects FOR EACH ROW EXECUTE FUNCTION remember_deleted_project();
