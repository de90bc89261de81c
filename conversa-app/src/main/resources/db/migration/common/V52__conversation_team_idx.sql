-- The console's "my teams" view and its count filter on the conversation's team.
CREATE INDEX conversation_team_idx ON conversation (workspace_id, team_id, status);
