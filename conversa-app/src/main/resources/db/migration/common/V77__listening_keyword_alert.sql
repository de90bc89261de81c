-- A KEYWORD alert rule's term (issue 19): the rule fires on an hour with enough of the topic's posts containing it.
ALTER TABLE listening_alert_rule ADD COLUMN term VARCHAR(100);
