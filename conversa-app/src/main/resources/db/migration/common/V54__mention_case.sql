-- Proactive care: the network's id of a mention's author (so the case joins the customer the channel already knows)
-- and the conversation a mention was turned into.
ALTER TABLE mention ADD COLUMN author_id VARCHAR(200);
ALTER TABLE mention ADD COLUMN conversation_id BIGINT REFERENCES conversation (id);
