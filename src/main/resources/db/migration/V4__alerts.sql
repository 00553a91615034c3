-- Alerts: rules per project, their recipients, what digest saw for them to evaluate, and the notifications as jobs
-- with a log of every attempt. Webhook secrets are kept readable: the HMAC of each body is computed with them.

-- "Send me project alerts", and a user's choice per project that overrides it.
ALTER TABLE users ADD COLUMN subscribe_by_default boolean NOT NULL DEFAULT true;

CREATE TABLE user_project_alerts (
    user_id     bigint  NOT NULL REFERENCES users ON DELETE CASCADE,
    project_id  bigint  NOT NULL REFERENCES projects ON DELETE CASCADE,
    subscribed  boolean NOT NULL,
    PRIMARY KEY (user_id, project_id)
);
CREATE INDEX user_project_alerts_project ON user_project_alerts (project_id);

CREATE TABLE alert_rules (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id        bigint      NOT NULL REFERENCES projects ON DELETE CASCADE,
    name              text        NOT NULL DEFAULT '',
    trigger           text        NOT NULL CHECK (trigger IN ('new_issue', 'regression', 'frequency')),
    quantity          integer     CHECK (quantity > 0),
    timespan_minutes  integer     CHECK (timespan_minutes > 0),
    min_level         smallint,
    environment       text,
    cooldown_minutes  integer     NOT NULL DEFAULT 60 CHECK (cooldown_minutes > 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (trigger <> 'frequency' OR (quantity IS NOT NULL AND timespan_minutes IS NOT NULL))
);
CREATE INDEX alert_rules_project ON alert_rules (project_id);

CREATE TABLE alert_recipients (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id     bigint      NOT NULL REFERENCES alert_rules ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('email', 'webhook', 'slack', 'discord', 'msteams', 'googlechat')),
    url         text,
    secret      text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'email') = (url IS NULL))
);
CREATE INDEX alert_recipients_rule ON alert_recipients (rule_id);

-- Written by digest in its own transaction, one row per issue and environment of a batch, only for projects with
-- rules; taken and deleted by the evaluator.
CREATE TABLE alert_triggers (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   bigint      NOT NULL,
    issue_id     bigint      NOT NULL,
    environment  text,
    max_level    smallint    NOT NULL,
    created      boolean     NOT NULL,
    regressed    boolean     NOT NULL,
    added_at     timestamptz NOT NULL DEFAULT now()
);

-- When a rule last notified about an issue: once per rule until the issue regresses or the cool-down has passed.
CREATE TABLE alert_notified (
    rule_id      bigint      NOT NULL REFERENCES alert_rules ON DELETE CASCADE,
    issue_id     bigint      NOT NULL REFERENCES issues ON DELETE CASCADE,
    notified_at  timestamptz NOT NULL,
    PRIMARY KEY (rule_id, issue_id)
);
CREATE INDEX alert_notified_issue ON alert_notified (issue_id);

-- One message to one recipient (for email, to one address): a job that workers claim until it is sent or given up.
CREATE TABLE alert_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id     bigint      NOT NULL REFERENCES alert_recipients ON DELETE CASCADE,
    email            text,
    message          jsonb       NOT NULL,
    status           text        NOT NULL DEFAULT 'pending'
                                 CHECK (status IN ('pending', 'sent', 'failed', 'throttled')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_deliveries_recipient ON alert_deliveries (recipient_id, id DESC);
CREATE INDEX alert_deliveries_email_sent ON alert_deliveries (lower(email), finished_at) WHERE status = 'sent';

-- Every attempt at a delivery, as the alert settings show it.
CREATE TABLE alert_delivery_attempts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id   bigint      NOT NULL REFERENCES alert_deliveries ON DELETE CASCADE,
    attempted_at  timestamptz NOT NULL DEFAULT now(),
    outcome       text        NOT NULL CHECK (outcome IN ('sent', 'retrying', 'failed', 'throttled')),
    http_status   integer,
    error         text
);
CREATE INDEX alert_delivery_attempts_delivery ON alert_delivery_attempts (delivery_id, id);
