-- Reporting facts, written by the reporting module from domain events (idempotent: a redelivered event writes the
-- same row again). One row per conversation, per message and per resolution; reports aggregate them by range.
CREATE TABLE reporting_conversation (
    conversation_id BIGINT      NOT NULL PRIMARY KEY,
    workspace_id    BIGINT      NOT NULL,
    inbox_id        BIGINT      NOT NULL,
    channel         VARCHAR(20) NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reporting_conversation_opened ON reporting_conversation (workspace_id, opened_at);

CREATE TABLE reporting_message (
    message_id      BIGINT      NOT NULL PRIMARY KEY,
    workspace_id    BIGINT      NOT NULL,
    conversation_id BIGINT      NOT NULL,
    direction       VARCHAR(8)  NOT NULL,
    author_type     VARCHAR(16) NOT NULL,
    author_id       BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reporting_message_conversation ON reporting_message (conversation_id, direction, created_at);

CREATE TABLE reporting_resolution (
    conversation_id BIGINT NOT NULL,
    resolved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    workspace_id    BIGINT NOT NULL,
    agent_id        BIGINT,
    PRIMARY KEY (conversation_id, resolved_at)
);
