-- An INFLUENCER alert rule's follower threshold (issue 19): it fires on an hour in which authors with at least this
-- many followers posted about the topic.
ALTER TABLE listening_alert_rule ADD COLUMN min_followers BIGINT;
