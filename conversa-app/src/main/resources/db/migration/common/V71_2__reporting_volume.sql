-- Volumes count the messages and resolutions of a range, across the workspace's conversations.
CREATE INDEX reporting_message_workspace ON reporting_message (workspace_id, created_at);
CREATE INDEX reporting_resolution_workspace ON reporting_resolution (workspace_id, resolved_at);
