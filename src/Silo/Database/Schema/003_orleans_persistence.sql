-- OrderActors schema 003: grain state for the ADO.NET grain storage provider.
-- Every write names the version it read; a write against another version changes nothing and returns
-- NULL, which the provider reports as a version conflict. Clearing keeps the row (payload NULL) so the
-- version keeps counting.

CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id      varchar(150)  NOT NULL,
    grain_type      varchar(512)  NOT NULL,
    grain_type_hash integer       NOT NULL,
    grain_id_hash   integer       NOT NULL,
    grain_id_n0     bigint        NOT NULL,
    grain_id_n1     bigint        NOT NULL,
    grain_id_ext    varchar(1024) NOT NULL DEFAULT '',
    payload         bytea,
    version         integer       NOT NULL,
    modified_on     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE grain_id_hash = CAST(@GrainIdHash AS integer) AND grain_type_hash = CAST(@GrainTypeHash AS integer)
  AND service_id = CAST(@ServiceId AS varchar) AND grain_type = CAST(@GrainTypeString AS varchar)
  AND grain_id_n0 = CAST(@GrainIdN0 AS bigint) AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
  AND grain_id_ext = COALESCE(CAST(@GrainIdExtensionString AS varchar), '');
$q$),

('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state
    SET payload = CAST(@PayloadBinary AS bytea), version = version + 1, modified_on = now()
    WHERE grain_id_hash = CAST(@GrainIdHash AS integer) AND grain_type_hash = CAST(@GrainTypeHash AS integer)
      AND service_id = CAST(@ServiceId AS varchar) AND grain_type = CAST(@GrainTypeString AS varchar)
      AND grain_id_n0 = CAST(@GrainIdN0 AS bigint) AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
      AND grain_id_ext = COALESCE(CAST(@GrainIdExtensionString AS varchar), '')
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version),
inserted AS (
    INSERT INTO orleans_grain_state (service_id, grain_type, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
                                     grain_id_ext, payload, version)
    SELECT CAST(@ServiceId AS varchar), CAST(@GrainTypeString AS varchar), CAST(@GrainTypeHash AS integer),
           CAST(@GrainIdHash AS integer), CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
           COALESCE(CAST(@GrainIdExtensionString AS varchar), ''), CAST(@PayloadBinary AS bytea), 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted LIMIT 1) AS "NewGrainStateVersion";
$q$),

('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleans_grain_state
    SET payload = NULL, version = version + 1, modified_on = now()
    WHERE grain_id_hash = CAST(@GrainIdHash AS integer) AND grain_type_hash = CAST(@GrainTypeHash AS integer)
      AND service_id = CAST(@ServiceId AS varchar) AND grain_type = CAST(@GrainTypeString AS varchar)
      AND grain_id_n0 = CAST(@GrainIdN0 AS bigint) AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
      AND grain_id_ext = COALESCE(CAST(@GrainIdExtensionString AS varchar), '')
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version)
SELECT (SELECT version FROM cleared) AS "Version";
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
