-- AI rights (issue 4): the training-exclusion list, its snapshot versions, objection decisions.
-- No raw identifier is stored here: subject_hash is HMAC-SHA256("<type>:<normalised value>") under
-- rightsdesk.training-exclusions.hmac-key (docs/ai-rights.md).

-- One row per (ticket, subject identifier). A hash is on the list while at least one of its rows is
-- active; added_version/lifted_version place each row in the snapshot history, so the set of any
-- past version is: added_version <= v AND (lifted_version IS NULL OR lifted_version > v).
CREATE TABLE training_exclusion (
    id              bigserial    PRIMARY KEY,
    subject_hash    varchar(64)  NOT NULL,
    identifier_type varchar(64)  NOT NULL,
    reason          varchar(20)  NOT NULL,
    since           timestamptz  NOT NULL,
    ticket_id       uuid         NOT NULL REFERENCES ticket (id),
    added_version   bigint       NOT NULL,
    lifted_at       timestamptz,
    lifted_version  bigint,
    lifted_by       varchar(100),
    CONSTRAINT training_exclusion_reason_ck CHECK (reason IN ('ERASURE', 'OBJECTION_21_1', 'OBJECTION_21_2')),
    CONSTRAINT training_exclusion_hash_ck CHECK (subject_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT training_exclusion_ticket_hash_uq UNIQUE (ticket_id, subject_hash)
);
CREATE INDEX training_exclusion_hash_ix ON training_exclusion (subject_hash);
CREATE INDEX training_exclusion_added_ix ON training_exclusion (added_version);
CREATE INDEX training_exclusion_active_ix ON training_exclusion (subject_hash) WHERE lifted_version IS NULL;

-- The single-row counter every change raises (UPDATE ... RETURNING): concurrent changes serialize on
-- its row lock, so versions are gap-free and commit in order.
CREATE TABLE exclusion_snapshot_counter (
    id      smallint PRIMARY KEY DEFAULT 1,
    version bigint   NOT NULL,
    CONSTRAINT exclusion_snapshot_counter_single_ck CHECK (id = 1)
);
INSERT INTO exclusion_snapshot_counter (id, version) VALUES (1, 0);

-- One row per snapshot version: the digest of the active set at that version (SHA-256 over the sorted
-- distinct active hashes, each followed by a line feed) and when the version was raised.
CREATE TABLE exclusion_snapshot (
    version     bigint      PRIMARY KEY,
    digest      varchar(64) NOT NULL,
    entry_count bigint      NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX exclusion_snapshot_created_ix ON exclusion_snapshot (created_at, version);
-- Version 0: the empty list (SHA-256 of zero bytes).
INSERT INTO exclusion_snapshot (version, digest, entry_count, created_at)
VALUES (0, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 0, '1970-01-01T00:00:00Z');

-- An officer's decision on an Art. 21(1) objection: compelling legitimate grounds or not.
CREATE TABLE objection_decision (
    ticket_id          uuid         PRIMARY KEY REFERENCES ticket (id),
    compelling_grounds boolean      NOT NULL,
    reasons_enc        text,
    actor              varchar(100) NOT NULL,
    decided_at         timestamptz  NOT NULL,
    lifted_entries     int          NOT NULL DEFAULT 0,
    snapshot_version   bigint
);
