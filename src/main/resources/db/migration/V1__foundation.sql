-- Tickets: one data-subject request each. Personal data columns (*_enc) hold AES-GCM ciphertext
-- (FieldCipher); subject_email_hash is the HMAC blind index for exact look-ups.
CREATE TABLE ticket (
    id                    uuid PRIMARY KEY,
    type                  varchar(20)  NOT NULL,
    status                varchar(32)  NOT NULL,
    channel               varchar(20)  NOT NULL DEFAULT 'WEB',
    locale                varchar(8)   NOT NULL DEFAULT 'en',
    subject_email_enc     text         NOT NULL,
    subject_email_hash    varchar(64)  NOT NULL,
    subject_name_enc      text,
    subject_identifiers_enc text,
    details_enc           text,
    received_at           timestamptz  NOT NULL,
    received_on           date         NOT NULL,
    member_state          varchar(2)   NOT NULL,
    zone                  varchar(64)  NOT NULL,
    nominal_due           date         NOT NULL,
    due_date              date         NOT NULL,
    extended_nominal_due  date         NOT NULL,
    extended_due          date         NOT NULL,
    extended              boolean      NOT NULL DEFAULT false,
    extension_reason_enc  text,
    extended_at           timestamptz,
    effective_due         date         NOT NULL,
    verified_at           timestamptz,
    idempotency_key       varchar(200),
    request_fingerprint   varchar(64),
    status_token_hash     varchar(64),
    assignee              varchar(100),
    flagged               boolean      NOT NULL DEFAULT false,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now(),
    version               bigint       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ticket_idempotency_key_uq ON ticket (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX ticket_subject_email_hash_ix ON ticket (subject_email_hash);
-- The queue and the overdue scan read open tickets by effective due date.
CREATE INDEX ticket_open_due_ix ON ticket (effective_due, id)
    WHERE status NOT IN ('COMPLETED', 'REFUSED', 'EXPIRED');
CREATE INDEX ticket_status_ix ON ticket (status);

-- Append-only history of status changes (the officer issue adds the hash-chained audit log).
CREATE TABLE ticket_status_change (
    id          bigserial PRIMARY KEY,
    ticket_id   uuid        NOT NULL REFERENCES ticket (id),
    from_status varchar(32),
    to_status   varchar(32) NOT NULL,
    actor       varchar(100) NOT NULL,
    reason_enc  text,
    at          timestamptz NOT NULL
);
CREATE INDEX ticket_status_change_ticket_ix ON ticket_status_change (ticket_id, id);

-- Transactional outbox (ADR 0002): written in the same transaction as the change it announces,
-- relayed to Kafka in seq order, marked published only after the broker acknowledged.
CREATE TABLE outbox_event (
    seq          bigserial PRIMARY KEY,
    id           uuid         NOT NULL UNIQUE,
    topic        varchar(249) NOT NULL,
    event_key    varchar(200),
    type         varchar(200) NOT NULL,
    payload      text,
    created_at   timestamptz  NOT NULL,
    published_at timestamptz,
    attempts     int          NOT NULL DEFAULT 0,
    last_error   varchar(500)
);
CREATE INDEX outbox_event_pending_ix ON outbox_event (seq) WHERE published_at IS NULL;

-- Inbox: ids of events a consumer has applied, written in the same transaction as the effect.
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     varchar(200) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Notices to the subject (receipt, extension, refusal, answer), derived from ticket events.
CREATE TABLE subject_notice (
    id          uuid PRIMARY KEY,
    ticket_id   uuid        NOT NULL REFERENCES ticket (id),
    kind        varchar(40) NOT NULL,
    event_id    varchar(200) NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz,
    attempts    int         NOT NULL DEFAULT 0
);
CREATE INDEX subject_notice_ticket_ix ON subject_notice (ticket_id);
CREATE INDEX subject_notice_unsent_ix ON subject_notice (created_at) WHERE sent_at IS NULL;
