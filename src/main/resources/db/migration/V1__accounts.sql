-- Users, organizations with their members and roles, teams, projects, DSN keys, API tokens and sign-in sessions.
-- Secrets (passwords, API tokens, session and single-use tokens) are stored only as hashes.

CREATE TABLE users (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          text        NOT NULL,
    password_hash  text,
    name           text        NOT NULL DEFAULT '',
    is_superuser   boolean     NOT NULL DEFAULT false,
    is_active      boolean     NOT NULL DEFAULT true,
    time_zone      text        NOT NULL DEFAULT 'UTC',
    theme          text        NOT NULL DEFAULT 'system' CHECK (theme IN ('light', 'dark', 'system')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE user_sessions (
    token_hash    bytea       PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    user_agent    text        NOT NULL DEFAULT ''
);
CREATE INDEX user_sessions_user_id ON user_sessions (user_id);
CREATE INDEX user_sessions_expires_at ON user_sessions (expires_at);

CREATE TABLE failed_sign_ins (
    email         text        NOT NULL,
    attempted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX failed_sign_ins_email ON failed_sign_ins (email, attempted_at);

CREATE TABLE password_resets (
    token_hash  bytea       PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_resets_user_id ON password_resets (user_id);

CREATE TABLE api_tokens (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES users ON DELETE CASCADE,
    label         text        NOT NULL,
    token_hash    bytea       NOT NULL UNIQUE,
    token_end     text        NOT NULL,
    scopes        text[]      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz
);
CREATE INDEX api_tokens_user_id ON api_tokens (user_id);

CREATE TABLE organizations (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text        NOT NULL UNIQUE,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A member is a user with a role in an organization, or, while user_id is null, an invitation to an email address.
CREATE TABLE organization_members (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id    bigint      NOT NULL REFERENCES organizations ON DELETE CASCADE,
    user_id            bigint      REFERENCES users ON DELETE CASCADE,
    role               text        NOT NULL CHECK (role IN ('member', 'admin', 'manager', 'owner')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    invite_email       text,
    invite_token_hash  bytea UNIQUE,
    invited_by         bigint      REFERENCES users ON DELETE SET NULL,
    invited_at         timestamptz,
    CHECK ((user_id IS NULL) = (invite_email IS NOT NULL))
);
CREATE UNIQUE INDEX organization_members_user ON organization_members (organization_id, user_id)
    WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX organization_members_invite ON organization_members (organization_id, lower(invite_email))
    WHERE invite_email IS NOT NULL;
CREATE INDEX organization_members_user_id ON organization_members (user_id);

CREATE TABLE teams (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  bigint      NOT NULL REFERENCES organizations ON DELETE CASCADE,
    slug             text        NOT NULL,
    name             text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, slug)
);

CREATE TABLE team_members (
    team_id    bigint NOT NULL REFERENCES teams ON DELETE CASCADE,
    member_id  bigint NOT NULL REFERENCES organization_members ON DELETE CASCADE,
    PRIMARY KEY (team_id, member_id)
);
CREATE INDEX team_members_member_id ON team_members (member_id);

CREATE TABLE projects (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  bigint      NOT NULL REFERENCES organizations ON DELETE CASCADE,
    slug             text        NOT NULL,
    name             text        NOT NULL,
    platform         text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, slug)
);

CREATE TABLE project_teams (
    project_id  bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
    team_id     bigint NOT NULL REFERENCES teams ON DELETE CASCADE,
    PRIMARY KEY (project_id, team_id)
);
CREATE INDEX project_teams_team_id ON project_teams (team_id);

-- DSN keys. The public key is an identifier that SDKs send in the clear; the secret key is Sentry's legacy one.
CREATE TABLE project_keys (
    id                         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id                 bigint      NOT NULL REFERENCES projects ON DELETE CASCADE,
    label                      text        NOT NULL,
    public_key                 uuid        NOT NULL UNIQUE,
    secret_key                 uuid        NOT NULL,
    is_active                  boolean     NOT NULL DEFAULT true,
    rate_limit_count           integer     CHECK (rate_limit_count > 0),
    rate_limit_window_seconds  integer     CHECK (rate_limit_window_seconds > 0),
    created_at                 timestamptz NOT NULL DEFAULT now(),
    CHECK ((rate_limit_count IS NULL) = (rate_limit_window_seconds IS NULL))
);
CREATE INDEX project_keys_project_id ON project_keys (project_id);
