-- Where each public stream (e.g. Bluesky Jetstream) resumes: the position of the last event fully handled.
CREATE TABLE listening_stream_cursor (
    source     VARCHAR(40) PRIMARY KEY,
    position   BIGINT      NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
