-- Triage: who an issue is assigned to, how long it stays ignored, comments, and the history of what happened to it.

ALTER TABLE issues
    ADD COLUMN assignee_id          bigint REFERENCES users ON DELETE SET NULL,
    -- Ignored "for a duration" or "until N more events": the issue comes back as unresolved when either is passed.
    ADD COLUMN ignored_until        timestamptz,
    ADD COLUMN ignored_until_count  bigint;

-- The list's sorts, within a project (every list is scoped to projects).
CREATE INDEX issues_project_first_seen ON issues (project_id, first_seen DESC);
CREATE INDEX issues_project_times_seen ON issues (project_id, times_seen DESC);
CREATE INDEX issues_project_users_seen ON issues (project_id, users_seen DESC);
CREATE INDEX issues_assignee ON issues (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX issue_tag_values_key_value ON issue_tag_values (key, value, issue_id);
CREATE INDEX events_project_received ON events (project_id, received_at DESC);

CREATE TABLE issue_comments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issue_id    bigint      NOT NULL REFERENCES issues ON DELETE CASCADE,
    user_id     bigint      REFERENCES users ON DELETE SET NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz
);
CREATE INDEX issue_comments_issue ON issue_comments (issue_id, id);

-- What happened to an issue and who did it: kind is one of created, resolved, unresolved, ignored, regressed,
-- assigned, unassigned, commented, merged, unmerged; data holds the details (the assignee, the merged issue ...).
CREATE TABLE issue_activity (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issue_id    bigint      NOT NULL REFERENCES issues ON DELETE CASCADE,
    kind        text        NOT NULL,
    user_id     bigint      REFERENCES users ON DELETE SET NULL,
    data        jsonb       NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX issue_activity_issue ON issue_activity (issue_id, id);
