-- Agent console: the sanitised HTML of messages that carry formatting (email), beside their plain-text body.
CREATE TABLE message_html (
    message_id   BIGINT  NOT NULL PRIMARY KEY REFERENCES message (id),
    workspace_id BIGINT  NOT NULL REFERENCES workspace (id),
    html         VARCHAR NOT NULL
);
