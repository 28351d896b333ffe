-- OrderActors schema 006: grain state payloads are compressed with lz4 rather than pglz when PostgreSQL
-- moves them out of line (past ~2 KB). Serialized state is mostly binary: pglz spends its time trying and
-- failing, lz4 is several times cheaper either way. A server built without lz4 keeps the default.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE orleans_grain_state ALTER COLUMN payload SET COMPRESSION lz4';
EXCEPTION WHEN feature_not_supported OR syntax_error OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available here: grain state keeps the default compression';
END
$$;
