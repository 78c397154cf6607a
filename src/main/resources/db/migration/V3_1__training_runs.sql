-- AI rights (issue 4): training runs reported by OpenLineage and what they proved.
-- One row per run of a registered training pipeline, checked once, on its first event (normally START).
CREATE TABLE training_run (
    id               uuid         PRIMARY KEY,
    job_namespace    varchar(200) NOT NULL,
    job_name         varchar(200) NOT NULL,
    run_id           varchar(100) NOT NULL,
    event_time       timestamptz  NOT NULL,
    first_event_type varchar(20)  NOT NULL,
    last_event_type  varchar(20)  NOT NULL,
    last_event_time  timestamptz  NOT NULL,
    received_at      timestamptz  NOT NULL,
    applied_version  bigint,
    applied_digest   varchar(64),
    required_version bigint       NOT NULL,
    compliant        boolean      NOT NULL,
    finding          varchar(30)  NOT NULL,
    missed_tickets   int          NOT NULL DEFAULT 0,
    missed_entries   int          NOT NULL DEFAULT 0,
    CONSTRAINT training_run_job_run_uq UNIQUE (job_namespace, job_name, run_id)
);
CREATE INDEX training_run_event_time_ix ON training_run (event_time);

-- A run that missed a ticket's exclusion: the violation is attached to that ticket.
CREATE TABLE training_run_violation (
    training_run_id uuid NOT NULL REFERENCES training_run (id),
    ticket_id       uuid NOT NULL REFERENCES ticket (id),
    missed_entries  int  NOT NULL,
    PRIMARY KEY (training_run_id, ticket_id)
);
CREATE INDEX training_run_violation_ticket_ix ON training_run_violation (ticket_id);
