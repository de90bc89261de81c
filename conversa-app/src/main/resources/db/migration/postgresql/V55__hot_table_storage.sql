-- Every inbound message updates its conversation, and every event publication is inserted and deleted again.
-- Leave room in each conversation page so that updates changing no indexed column stay on the page (HOT
-- updates), and let autovacuum clear dead rows of these tables long before PostgreSQL's default 20 % of the table.
ALTER TABLE conversation SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.05);
ALTER TABLE event_publication SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000);
