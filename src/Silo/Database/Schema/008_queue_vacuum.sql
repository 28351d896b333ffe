-- OrderActors schema 008: the stream queue is a small table with a high turnover (every row is inserted,
-- read and deleted within a second or so). Each poll walks the index past rows deleted since the last
-- vacuum, so the table is vacuumed after every thousand deletions instead of after a fifth of its size,
-- and without the cost-based pauses. Grain state is updated in place: vacuum it once a tenth has changed.
ALTER TABLE orderactors_stream_queue SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0);

ALTER TABLE orderactors_grain_state SET (autovacuum_vacuum_scale_factor = 0.1);
