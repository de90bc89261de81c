-- An alert's email and webhook are retried with backoff: the attempts made, when the next is due (NULL: nothing left
-- to send) and until when a node has claimed it. Alerts fired before this migration have nothing pending.
ALTER TABLE listening_alert ADD COLUMN delivery_attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE listening_alert ADD COLUMN delivery_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE listening_alert ADD COLUMN delivery_claimed_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX listening_alert_delivery_due ON listening_alert (delivery_due_at);
