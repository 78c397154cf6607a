-- Staff sign-in sessions of form login (issue 13, finding 3): the sign-in cookie alone cannot be revoked, so each
-- session also has a row here, keyed by the SHA-256 of a random token the browser holds in the rightsdesk-session
-- cookie (a dump of this table opens no session). Signing out deletes the row; every replica sees it at once.
CREATE TABLE staff_session (
    token_hash   bytea       PRIMARY KEY,
    username     text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now()
);

-- The purge of idle and expired sessions reads by age.
CREATE INDEX staff_session_last_seen ON staff_session (last_seen_at);
CREATE INDEX staff_session_created ON staff_session (created_at);
