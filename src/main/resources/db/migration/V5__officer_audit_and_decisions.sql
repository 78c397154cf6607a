-- Officer side (issue 6): the hash-chained audit log and the decisions officers record on tickets.

-- Append-only, hash-chained audit log. Each entry's entry_hash is SHA-256 over the previous entry's hash and
-- the entry's own canonical content (AuditHash); seq has no gaps. Content holds ids, statuses, dates and the
-- officer's user name only; a free-text reason is stored AES-GCM encrypted in reason_enc (covered by the hash).
-- No foreign key to ticket: the trail must outlive a ticket's personal data.
CREATE TABLE audit_log (
    seq         bigint       PRIMARY KEY,
    at          timestamptz  NOT NULL,
    ticket_id   uuid,
    kind        varchar(10)  NOT NULL,
    name        varchar(60)  NOT NULL,
    actor       varchar(100) NOT NULL,
    content     text         NOT NULL,
    reason_enc  text,
    prev_hash   char(64)     NOT NULL,
    entry_hash  char(64)     NOT NULL
);
CREATE INDEX audit_log_ticket_ix ON audit_log (ticket_id, seq);

-- The head of the chain: one row, locked FOR UPDATE by every append, so concurrent transactions append one
-- after the other and can never fork the chain. It also lets verification notice a removed last entry.
CREATE TABLE audit_chain_head (
    id        int       PRIMARY KEY CHECK (id = 1),
    last_seq  bigint    NOT NULL,
    last_hash char(64)  NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- The database itself refuses to change or remove audit entries, whoever asks (short of the owner
-- disabling the trigger, which the chain verification then exposes).
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- A refusal in whole or in part (Art. 12(4), D5): the reasons (encrypted) and the complaint-rights text the
-- subject was given. Grounds are codes such as manifestly-unfounded, excessive, 17(3)(b).
CREATE TABLE ticket_refusal (
    id                uuid         PRIMARY KEY,
    ticket_id         uuid         NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
    scope             varchar(10)  NOT NULL,
    grounds           varchar(400) NOT NULL,
    reasons_enc       text         NOT NULL,
    complaint_rights  text         NOT NULL,
    actor             varchar(100) NOT NULL,
    at                timestamptz  NOT NULL
);
CREATE INDEX ticket_refusal_ticket_ix ON ticket_refusal (ticket_id);

-- The answer given to the subject when a ticket is closed (encrypted: it may quote personal data).
CREATE TABLE ticket_response (
    ticket_id     uuid         PRIMARY KEY REFERENCES ticket (id) ON DELETE CASCADE,
    response_enc  text         NOT NULL,
    actor         varchar(100) NOT NULL,
    at            timestamptz  NOT NULL
);
-- (The Art. 21(1) balancing decision lives in objection_decision, V3__training_exclusions.sql, AI rights.)
