-- First-contact resolution looks for the same customer writing again, on any channel: the facts by customer.
CREATE INDEX reporting_conversation_customer ON reporting_conversation (workspace_id, customer_id);

-- The workspace's reporting settings; a workspace without a row uses the defaults (ReportingSettings).
CREATE TABLE reporting_settings (
    workspace_id    BIGINT NOT NULL PRIMARY KEY,
    fcr_window_days INT    NOT NULL
);
