-- The conversation's current state in its reporting fact, for the per-conversation export and the breakdowns by
-- team, agent, tag, language and sentiment. The reporting module rewrites these columns from the stored conversation
-- on each of its events; state_at (the conversation's updated_at) keeps an older read from overwriting a newer one.
ALTER TABLE reporting_conversation ADD COLUMN customer_id BIGINT;
ALTER TABLE reporting_conversation ADD COLUMN team_id BIGINT;
ALTER TABLE reporting_conversation ADD COLUMN assignee_id BIGINT;
ALTER TABLE reporting_conversation ADD COLUMN status VARCHAR(16);
ALTER TABLE reporting_conversation ADD COLUMN language VARCHAR(8);
ALTER TABLE reporting_conversation ADD COLUMN sentiment VARCHAR(16);
ALTER TABLE reporting_conversation ADD COLUMN state_at TIMESTAMP WITH TIME ZONE;

-- Facts written before this migration take the conversation's state once; events keep it current from here on.
UPDATE reporting_conversation SET
    customer_id = (SELECT c.customer_id FROM conversation c WHERE c.id = reporting_conversation.conversation_id),
    team_id     = (SELECT c.team_id FROM conversation c WHERE c.id = reporting_conversation.conversation_id),
    assignee_id = (SELECT c.assignee_id FROM conversation c WHERE c.id = reporting_conversation.conversation_id),
    status      = (SELECT c.status FROM conversation c WHERE c.id = reporting_conversation.conversation_id),
    language    = (SELECT c.language FROM conversation c WHERE c.id = reporting_conversation.conversation_id),
    sentiment   = (SELECT c.sentiment FROM conversation c WHERE c.id = reporting_conversation.conversation_id),
    state_at    = (SELECT c.updated_at FROM conversation c WHERE c.id = reporting_conversation.conversation_id);

-- The conversation's current tags, rewritten with its state.
CREATE TABLE reporting_tag (
    conversation_id BIGINT       NOT NULL,
    tag             VARCHAR(100) NOT NULL,
    workspace_id    BIGINT       NOT NULL,
    PRIMARY KEY (conversation_id, tag)
);
CREATE INDEX reporting_tag_workspace ON reporting_tag (workspace_id, tag);
INSERT INTO reporting_tag (conversation_id, tag, workspace_id)
SELECT t.conversation_id, t.tag, t.workspace_id FROM conversation_tag t
WHERE t.conversation_id IN (SELECT conversation_id FROM reporting_conversation);
