-- OrderActors schema 002: cluster membership for the ADO.NET clustering provider.
-- One version row per cluster (deployment) guards every change to its member rows (optimistic concurrency).

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id varchar(150) PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NOT NULL DEFAULT 0,
    suspect_times   text,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (CAST(@DeploymentId AS varchar))
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM created) AS "Created";
$q$),

('InsertMembershipKey', $q$
WITH expected AS (
    SELECT deployment_id FROM orleans_membership_version
    WHERE deployment_id = CAST(@DeploymentId AS varchar) AND version = CAST(@Version AS integer)
    FOR UPDATE),
added AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                    start_time, i_am_alive_time)
    SELECT deployment_id, CAST(@Address AS varchar), CAST(@Port AS integer), CAST(@Generation AS integer),
           CAST(@SiloName AS varchar), CAST(@HostName AS varchar), CAST(@Status AS integer), CAST(@ProxyPort AS integer),
           CAST(@StartTime AS timestamptz), CAST(@IAmAliveTime AS timestamptz)
    FROM expected
    ON CONFLICT DO NOTHING
    RETURNING deployment_id),
bumped AS (
    UPDATE orleans_membership_version v SET version = v.version + 1, changed_at = now()
    FROM added WHERE v.deployment_id = added.deployment_id
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM bumped) AS "Inserted";
$q$),

('UpdateMembershipKey', $q$
WITH expected AS (
    SELECT deployment_id FROM orleans_membership_version
    WHERE deployment_id = CAST(@DeploymentId AS varchar) AND version = CAST(@Version AS integer)
    FOR UPDATE),
changed AS (
    UPDATE orleans_membership m
    SET status = CAST(@Status AS integer), suspect_times = CAST(@SuspectTimes AS text),
        i_am_alive_time = CAST(@IAmAliveTime AS timestamptz)
    FROM expected
    WHERE m.deployment_id = expected.deployment_id AND m.address = CAST(@Address AS varchar)
      AND m.port = CAST(@Port AS integer) AND m.generation = CAST(@Generation AS integer)
    RETURNING m.deployment_id),
bumped AS (
    UPDATE orleans_membership_version v SET version = v.version + 1, changed_at = now()
    FROM changed WHERE v.deployment_id = changed.deployment_id
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM bumped) AS "Updated";
$q$),

('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership SET i_am_alive_time = CAST(@IAmAliveTime AS timestamptz)
WHERE deployment_id = CAST(@DeploymentId AS varchar) AND address = CAST(@Address AS varchar)
  AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer);
$q$),

('MembershipReadAllKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = CAST(@DeploymentId AS varchar);
$q$),

('MembershipReadRowKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
     AND m.address = CAST(@Address AS varchar) AND m.port = CAST(@Port AS integer) AND m.generation = CAST(@Generation AS integer)
WHERE v.deployment_id = CAST(@DeploymentId AS varchar);
$q$),

('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = CAST(@DeploymentId AS varchar) AND status = CAST(@Status AS integer) AND proxy_port > 0;
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = CAST(@DeploymentId AS varchar);
$q$),

-- Status 6 is SiloStatus.Dead.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = CAST(@DeploymentId AS varchar) AND status = 6 AND i_am_alive_time < CAST(@IAmAliveTime AS timestamptz);
$q$),

('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = CAST(@DeploymentId AS varchar) AND status = 6 AND address = CAST(@Address AS varchar)
  AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer);
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
