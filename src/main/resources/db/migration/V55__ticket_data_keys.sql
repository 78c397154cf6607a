-- Crypto-shredding (ADR 0006): one data key per ticket that has sent personal data over Kafka, stored only wrapped
-- under the deployment's key. No foreign key to ticket: platform/crypto knows ticket ids, not the ticket table.
CREATE TABLE ticket_data_key (
    ticket_id   uuid        PRIMARY KEY,
    key_id      varchar(64) NOT NULL UNIQUE,
    wrapped_key text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Keys destroyed once their ticket was closed and the retention passed: ids and the time only.
CREATE TABLE ticket_data_key_destroyed (
    ticket_id    uuid        PRIMARY KEY,
    key_id       varchar(64) NOT NULL UNIQUE,
    destroyed_at timestamptz NOT NULL
);
