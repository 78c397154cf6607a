-- The built-in connector workers' own record of the commands they took (docs/connectors.md). It belongs to the
-- connector runtime alone, like the offsets table of any external connector: Rightsdesk's core never reads it,
-- and the workers never read or write the ticket or task tables (ADR 0005). A command in progress (IN_PROGRESS)
-- is executed again after a restart; a command answered (DONE) is not executed twice. result_json holds the final
-- result as sent, without any access answer: outcome, summary, reason and evidence, which carry no personal data.
CREATE TABLE connector_task_log (
    task_id       uuid          PRIMARY KEY,
    system_key    varchar(64)   NOT NULL,
    ticket_id     uuid          NOT NULL,
    action        varchar(20)   NOT NULL,
    state         varchar(20)   NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
    attempt       int           NOT NULL,
    command_id    varchar(200)  NOT NULL,
    outcome       varchar(20),
    retryable     boolean       NOT NULL DEFAULT false,
    result_json   text,
    executions    int           NOT NULL DEFAULT 0,
    started_at    timestamptz   NOT NULL,
    finished_at   timestamptz,
    updated_at    timestamptz   NOT NULL
);
CREATE INDEX connector_task_log_system_ix ON connector_task_log (system_key, state);
