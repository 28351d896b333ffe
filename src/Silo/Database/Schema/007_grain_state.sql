-- OrderActors schema 007: grain state as the project's own storage writes it (Silo/Storage). One row per
-- grain and state name; rows are written many to a statement (a silo's concurrent writes go together), each
-- row only if its version is still the one its grain read. Clearing keeps the row with a NULL payload so
-- the version keeps counting. Rows of orleans_grain_state (schema 003, written by earlier builds) are read
-- once through the ADO.NET provider and move here on their grain's next write.

CREATE TABLE IF NOT EXISTS orderactors_grain_state
(
    service_id  text        NOT NULL,
    grain_id    text        NOT NULL,
    state_name  text        NOT NULL,
    payload     bytea,
    version     integer     NOT NULL,
    modified_on timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_id, state_name)
) WITH (fillfactor = 80); -- room on each page for the updated row, so an update need not touch the index

DO $$
BEGIN
    EXECUTE 'ALTER TABLE orderactors_grain_state ALTER COLUMN payload SET COMPRESSION lz4';
EXCEPTION WHEN feature_not_supported OR syntax_error OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available here: grain state keeps the default compression';
END
$$;
