-- Subject side (issue 5): e-mail verification codes, rate-limit counters shared by all replicas,
-- the subject's status link, and access-package download grants. No plaintext personal data:
-- codes and tokens are stored as hashes, the status token's copy for later mails is encrypted.

-- One-time codes. code_hash is an HMAC over (code id, ticket id, purpose, code), so a code is bound to
-- its request and purpose and a database dump does not reveal it.
CREATE TABLE verification_code (
    id              uuid PRIMARY KEY,
    ticket_id       uuid        NOT NULL REFERENCES ticket (id),
    purpose         varchar(20) NOT NULL,
    code_hash       varchar(64) NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    failed_attempts int         NOT NULL DEFAULT 0,
    used_at         timestamptz,
    revoked_at      timestamptz
);
CREATE INDEX verification_code_ticket_ix ON verification_code (ticket_id, purpose, created_at DESC);

-- Fixed-window counters; bucket is "<action>:<scope>:<keyed hash>" (never a raw address or e-mail).
CREATE TABLE rate_limit_counter (
    bucket       varchar(120) NOT NULL,
    window_start timestamptz  NOT NULL,
    hits         int          NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_counter_window_ix ON rate_limit_counter (window_start);

-- The status link: ticket.status_token_hash (SHA-256) finds the ticket; the encrypted copy lets later
-- notices carry the same link.
CREATE TABLE subject_status_link (
    ticket_id  uuid PRIMARY KEY REFERENCES ticket (id),
    token_enc  text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ticket_status_token_hash_uq ON ticket (status_token_hash) WHERE status_token_hash IS NOT NULL;

-- A download of the access package, granted after a fresh e-mail code; the link expires.
CREATE TABLE access_package_grant (
    id               uuid PRIMARY KEY,
    ticket_id        uuid        NOT NULL REFERENCES ticket (id),
    token_hash       varchar(64) NOT NULL UNIQUE,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    downloads        int         NOT NULL DEFAULT 0,
    last_download_at timestamptz
);
CREATE INDEX access_package_grant_ticket_ix ON access_package_grant (ticket_id);

-- The expiry job finds unverified tickets by receipt.
CREATE INDEX ticket_unverified_received_ix ON ticket (received_at) WHERE status = 'IDENTITY_UNVERIFIED';
