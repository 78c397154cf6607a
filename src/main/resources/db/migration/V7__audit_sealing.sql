-- Asynchronous sealing of the audit chain (performance). Business transactions only INSERT their entries into
-- audit_pending and never touch the chain head: the head's row lock, held until commit, serialised every
-- transaction that changed a ticket. The sealer (AuditSealer) links pending entries into audit_log in id order in
-- its own short transaction. An entry is durable once its business transaction commits (it is in audit_pending);
-- a rolled-back action leaves nothing.
--
-- audit_pending is NOT append-only like audit_log: the sealer deletes what it has linked, in the same transaction
-- that inserts it into audit_log. An entry altered or removed while pending is not covered by any hash yet; the
-- window is the seal interval (about a second), and the sealer's lag is watched (rightsdesk_audit_pending,
-- rightsdesk_audit_oldest_pending_age_seconds). Same columns as audit_log minus seq and hashes.
CREATE TABLE audit_pending (
    id          bigserial    PRIMARY KEY,
    at          timestamptz  NOT NULL,
    ticket_id   uuid,
    kind        varchar(10)  NOT NULL,
    name        varchar(60)  NOT NULL,
    actor       varchar(100) NOT NULL,
    content     text         NOT NULL,
    reason_enc  text
);

-- Which pending entry a sealed entry came from, so a caller holding the pending id (POST .../notes answers the
-- note's audit seq) can find its seq. Not covered by the hash: it is a lookup aid, not evidence.
ALTER TABLE audit_log ADD COLUMN pending_id bigint;
CREATE UNIQUE INDEX audit_log_pending_ix ON audit_log (pending_id) WHERE pending_id IS NOT NULL;

-- The last head published as an anchor on dsr.audit-anchors, so that replicas anchor at most once per
-- rightsdesk.audit.anchor-interval between them (the head row is locked by every sealing round anyway).
ALTER TABLE audit_chain_head ADD COLUMN anchored_seq bigint NOT NULL DEFAULT 0;
ALTER TABLE audit_chain_head ADD COLUMN anchored_at timestamptz;
