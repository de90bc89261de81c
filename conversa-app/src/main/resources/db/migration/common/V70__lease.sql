-- Leases for work that must run on one node at a time (each inbox's poller or stream, timer jobs, the resubmission
-- of incomplete event publications). One row per piece of work; the holder renews it before it expires, and every
-- takeover increments the fencing token, so writes made under a lease can check they still hold it.
CREATE TABLE lease (
    name        VARCHAR(200) NOT NULL PRIMARY KEY,
    holder      VARCHAR(200),
    token       BIGINT       NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    acquired_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX lease_holder_idx ON lease (holder);
