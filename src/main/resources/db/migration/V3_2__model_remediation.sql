-- AI rights (issue 4): one remediation per model version a registry reported for an erasure or objection.
CREATE TABLE model_remediation (
    id                         uuid         PRIMARY KEY,
    ticket_id                  uuid         NOT NULL REFERENCES ticket (id),
    task_id                    uuid         NOT NULL REFERENCES task (id),
    task_model_version_id      bigint       NOT NULL UNIQUE REFERENCES task_model_version (id),
    system_key                 varchar(64)  NOT NULL,
    model_name                 varchar(200) NOT NULL,
    model_version              varchar(200) NOT NULL,
    state                      varchar(24)  NOT NULL,
    remedy                     varchar(24),
    due_date                   date         NOT NULL,
    new_model_version          varchar(200),
    exclusion_snapshot_version bigint,
    exclusion_snapshot_digest  varchar(64),
    expected_by                date,
    evidence_reference         varchar(1000),
    assessment_enc             text,
    note_enc                   text,
    created_at                 timestamptz  NOT NULL,
    updated_at                 timestamptz  NOT NULL,
    resolved_at                timestamptz,
    resolved_by                varchar(100),
    version                    bigint       NOT NULL DEFAULT 0,
    CONSTRAINT model_remediation_state_ck CHECK (state IN ('AFFECTED', 'RETRAIN_SCHEDULED', 'RETRAINED', 'UNLEARNED',
        'RETIRED', 'ANONYMITY_ASSESSED', 'RESOLVED'))
);
CREATE INDEX model_remediation_ticket_ix ON model_remediation (ticket_id);
CREATE INDEX model_remediation_open_ix ON model_remediation (due_date) WHERE state <> 'RESOLVED';

-- Append-only history of each remediation, with the evidence given (encrypted JSON).
CREATE TABLE model_remediation_change (
    id             bigserial    PRIMARY KEY,
    remediation_id uuid         NOT NULL REFERENCES model_remediation (id),
    ticket_id      uuid         NOT NULL REFERENCES ticket (id),
    from_state     varchar(24),
    to_state       varchar(24)  NOT NULL,
    actor          varchar(100) NOT NULL,
    evidence_enc   text,
    at             timestamptz  NOT NULL
);
CREATE INDEX model_remediation_change_ix ON model_remediation_change (remediation_id, id);

-- Deadline warnings given about remediations, once per (remediation, kind, due date).
CREATE TABLE model_remediation_warning (
    remediation_id uuid        NOT NULL REFERENCES model_remediation (id),
    kind           varchar(40) NOT NULL,
    due_date       date        NOT NULL,
    warned_at      timestamptz NOT NULL,
    PRIMARY KEY (remediation_id, kind, due_date)
);
