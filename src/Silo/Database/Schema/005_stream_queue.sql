-- OrderActors schema 005: the queue behind the durable stream provider (Streaming/PostgresQueueAdapter).
-- A published batch is a row until every consumer has had it; then the receiver deletes it. A silo that
-- dies leaves its rows, and the silo that takes over the queue delivers them again (consumers dedupe).
CREATE TABLE IF NOT EXISTS orderactors_stream_queue
(
    id          bigserial PRIMARY KEY,
    provider    varchar(100) NOT NULL,
    queue_id    varchar(100) NOT NULL,
    payload     bytea        NOT NULL,
    enqueued_at timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS orderactors_stream_queue_by_queue ON orderactors_stream_queue (provider, queue_id, id);
