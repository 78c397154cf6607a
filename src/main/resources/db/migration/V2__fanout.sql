-- Fan-out (issue 3): one task per (ticket, connected system that handles the request type), the
-- structured answers of AI systems, chunked access answers, results that matched no open task, and the
-- deadline warnings already given. Answer data and free text from systems are AES-GCM ciphertext (*_enc).
CREATE TABLE task (
    id                  uuid PRIMARY KEY,
    ticket_id           uuid         NOT NULL REFERENCES ticket (id),
    system_key          varchar(64)  NOT NULL,
    system_kind         varchar(32)  NOT NULL,
    action              varchar(20)  NOT NULL,
    state               varchar(20)  NOT NULL,
    -- FAILED with retryable=true is retried; FAILED with retryable=false is final.
    retryable           boolean      NOT NULL DEFAULT false,
    attempts            int          NOT NULL DEFAULT 0,
    sent_at             timestamptz,
    reply_due           timestamptz,
    -- When the retry job looks at the task next: the reply due of the current attempt, or the back-off
    -- after a retryable failure; null once nothing more is scheduled (final, escalated, manual).
    next_attempt_at     timestamptz,
    statutory_due       date         NOT NULL,
    acknowledged_at     timestamptz,
    completed_at        timestamptz,
    completed_by        varchar(100),
    last_error_enc      text,
    answer_summary_enc  text,
    answer_data_enc     text,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL DEFAULT 0
);
CREATE INDEX task_ticket_ix ON task (ticket_id);
-- At most one live task per (ticket, system); a canceled one may be replaced by a new one.
CREATE UNIQUE INDEX task_ticket_system_live_uq ON task (ticket_id, system_key) WHERE state <> 'CANCELED';
-- The retry job's scan: tasks waiting for an answer, by when they are due.
CREATE INDEX task_waiting_ix ON task (next_attempt_at) WHERE next_attempt_at IS NOT NULL;

-- Explicit changes to a ticket's tasks (added, canceled, re-sent, completed by hand, escalated): who and why.
CREATE TABLE task_change (
    id          bigserial PRIMARY KEY,
    task_id     uuid         NOT NULL REFERENCES task (id),
    ticket_id   uuid         NOT NULL REFERENCES ticket (id),
    change      varchar(40)  NOT NULL,
    actor       varchar(100) NOT NULL,
    reason_enc  text,
    at          timestamptz  NOT NULL
);
CREATE INDEX task_change_ticket_ix ON task_change (ticket_id, id);

-- TRAINING_DATASET answers: which dataset versions held the subject, how many records were removed or excluded.
CREATE TABLE task_dataset_version (
    id                bigserial PRIMARY KEY,
    task_id           uuid         NOT NULL REFERENCES task (id),
    ticket_id         uuid         NOT NULL REFERENCES ticket (id),
    system_key        varchar(64)  NOT NULL,
    dataset           varchar(200) NOT NULL,
    dataset_version   varchar(200) NOT NULL,
    records_removed   bigint       NOT NULL DEFAULT 0,
    records_excluded  bigint       NOT NULL DEFAULT 0,
    reported_at       timestamptz  NOT NULL,
    UNIQUE (task_id, dataset, dataset_version)
);
CREATE INDEX task_dataset_version_ticket_ix ON task_dataset_version (ticket_id);

-- MODEL_REGISTRY answers: the model versions trained on data of the subject (the AI-rights feature
-- creates one model remediation per row of an erasure or objection).
CREATE TABLE task_model_version (
    id                         bigserial PRIMARY KEY,
    task_id                    uuid         NOT NULL REFERENCES task (id),
    ticket_id                  uuid         NOT NULL REFERENCES ticket (id),
    system_key                 varchar(64)  NOT NULL,
    model_name                 varchar(200) NOT NULL,
    model_version              varchar(200) NOT NULL,
    training_dataset_versions  jsonb        NOT NULL DEFAULT '[]'::jsonb,
    reported_at                timestamptz  NOT NULL,
    UNIQUE (task_id, model_name, model_version)
);
CREATE INDEX task_model_version_ticket_ix ON task_model_version (ticket_id);

-- Parts of an access answer too large for one record, kept until all have arrived.
CREATE TABLE task_answer_chunk (
    task_id      uuid        NOT NULL REFERENCES task (id),
    chunk_index  int         NOT NULL,
    chunk_count  int         NOT NULL,
    data_enc     text        NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (task_id, chunk_index)
);

-- Results that found no open task: unknown task id, task already final or canceled, ticket closed.
CREATE TABLE task_result_orphan (
    id           bigserial PRIMARY KEY,
    event_id     varchar(200) NOT NULL,
    task_id      uuid,
    ticket_id    uuid,
    outcome      varchar(20)  NOT NULL,
    reason       varchar(40)  NOT NULL,
    received_at  timestamptz  NOT NULL
);
CREATE INDEX task_result_orphan_ticket_ix ON task_result_orphan (ticket_id);

-- Deadline warnings given, one per (ticket, threshold, due date in force), so each is emitted once.
CREATE TABLE deadline_warning (
    ticket_id       uuid        NOT NULL REFERENCES ticket (id),
    threshold_days  int         NOT NULL,
    due_date        date        NOT NULL,
    warned_at       timestamptz NOT NULL,
    PRIMARY KEY (ticket_id, threshold_days, due_date)
);
