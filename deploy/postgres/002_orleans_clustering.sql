-- 002_orleans_clustering.sql
--
-- Cluster membership for Orleans.Clustering.AdoNet: AdoNetClusteringTable (silos) and
-- AdoNetGatewayListProvider (clients), Orleans 10.x, ADO.NET invariant "Npgsql".
--
-- Layout: one version row per cluster and one row per silo incarnation (address, port,
-- generation). The provider passes ClusterOptions.ClusterId as @DeploymentId. The version row is
-- the optimistic-concurrency token of the whole membership table: the provider reads it together
-- with the silo rows and hands the value it read back as @Version with every insert or update of
-- a silo row. Such a write succeeds only while that version is still current, and then advances
-- it by one, atomically with the row change.
--
-- Query keys (all required by the provider, except CleanupDefunctSiloEntryKey, which it uses
-- instead of CleanupDefunctSiloEntriesKey when present):
--   InsertMembershipVersionKey, MembershipReadAllKey, MembershipReadRowKey, InsertMembershipKey,
--   UpdateMembershipKey, UpdateIAmAlivetimeKey, GatewaysQueryKey, DeleteMembershipTableEntriesKey,
--   CleanupDefunctSiloEntriesKey, CleanupDefunctSiloEntryKey
--
-- Status codes are Orleans.Runtime.SiloStatus values: 3 = Active, 6 = Dead.
--
-- Requires 001_orleans_queries.sql. Idempotent.

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT orleans_membership_version_pk PRIMARY KEY (deployment_id)
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL DEFAULT 0,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,

    CONSTRAINT orleans_membership_pk PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_version_fk FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id)
);

COMMENT ON TABLE orleans_membership_version IS
    'Orleans cluster membership: one row per cluster, its version is the concurrency token of the membership rows.';
COMMENT ON TABLE orleans_membership IS
    'Orleans cluster membership: one row per silo incarnation (address, port, generation).';
COMMENT ON COLUMN orleans_membership.suspect_times IS
    'Suspicion votes as written by Orleans: "<silo>,<yyyy-MM-dd HH:mm:ss.fff> GMT" joined by "|".';

-- Lists a silo and advances the cluster version: both or neither.
-- False when p_expected_version is no longer current or the silo is already listed.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE orleans_membership_version
    SET    version    = version + 1,
           changed_at = now()
    WHERE  deployment_id = p_deployment_id
      AND  version = p_expected_version;

    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name,
         status, proxy_port, start_time, i_am_alive_time)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_proxy_port, p_start_time, p_i_am_alive_time);

    RETURN true;
EXCEPTION
    WHEN unique_violation THEN
        -- The silo is already listed; leaving the block undoes the version increment.
        RETURN false;
END;
$fn$;

-- Changes a silo's status, suspicion votes and heartbeat and advances the cluster version: both
-- or neither. False when p_expected_version is no longer current or the silo is not listed.
-- The heartbeat never moves backwards.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE orleans_membership_version
    SET    version    = version + 1,
           changed_at = now()
    WHERE  deployment_id = p_deployment_id
      AND  version = p_expected_version;

    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
    SET    status          = p_status,
           suspect_times   = p_suspect_times,
           i_am_alive_time = greatest(i_am_alive_time, p_i_am_alive_time)
    WHERE  deployment_id = p_deployment_id
      AND  address = p_address
      AND  port = p_port
      AND  generation = p_generation;

    IF NOT FOUND THEN
        -- No such silo; raising leaves the block, which undoes the version increment.
        RAISE EXCEPTION USING ERRCODE = 'no_data_found';
    END IF;

    RETURN true;
EXCEPTION
    WHEN no_data_found THEN
        RETURN false;
END;
$fn$;

-- The latest suspicion vote in a suspect_times value; NULL when there is none, or when a
-- non-empty value holds no vote in the expected format (callers then keep the row).
CREATE OR REPLACE FUNCTION orleans_membership_latest_vote(p_suspect_times text)
RETURNS timestamptz
LANGUAGE sql
STABLE
AS $fn$
    SELECT max((vote[1] || '+00')::timestamptz)
    FROM   regexp_matches(coalesce(p_suspect_times, ''),
                          '(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?) GMT', 'g') AS vote;
$fn$;

-- The query texts. Result column names are the ones the provider reads, by name.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    -- Creates the cluster's version row if missing. One row, one column: true when created.
    'InsertMembershipVersionKey',
    $q$
    WITH created AS (
        INSERT INTO orleans_membership_version (deployment_id)
        VALUES (@DeploymentId)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING deployment_id
    )
    SELECT EXISTS (SELECT 1 FROM created) AS "Created";
    $q$
),
(
    -- The cluster version with every silo row; a single row with NULL silo columns when no silo
    -- is listed yet.
    'MembershipReadAllKey',
    $q$
    SELECT v.version         AS "Version",
           m.address         AS "Address",
           m.port            AS "Port",
           m.generation      AS "Generation",
           m.silo_name       AS "SiloName",
           m.host_name       AS "HostName",
           m.status          AS "Status",
           m.proxy_port      AS "ProxyPort",
           m.suspect_times   AS "SuspectTimes",
           m.start_time      AS "StartTime",
           m.i_am_alive_time AS "IAmAliveTime"
    FROM   orleans_membership_version AS v
           LEFT JOIN orleans_membership AS m
                  ON m.deployment_id = v.deployment_id
    WHERE  v.deployment_id = @DeploymentId
    ORDER  BY m.address, m.port, m.generation;
    $q$
),
(
    -- The cluster version with one silo's row (NULL silo columns when it is not listed).
    'MembershipReadRowKey',
    $q$
    SELECT v.version         AS "Version",
           m.address         AS "Address",
           m.port            AS "Port",
           m.generation      AS "Generation",
           m.silo_name       AS "SiloName",
           m.host_name       AS "HostName",
           m.status          AS "Status",
           m.proxy_port      AS "ProxyPort",
           m.suspect_times   AS "SuspectTimes",
           m.start_time      AS "StartTime",
           m.i_am_alive_time AS "IAmAliveTime"
    FROM   orleans_membership_version AS v
           LEFT JOIN orleans_membership AS m
                  ON  m.deployment_id = v.deployment_id
                  AND m.address = @Address
                  AND m.port = @Port
                  AND m.generation = @Generation
    WHERE  v.deployment_id = @DeploymentId;
    $q$
),
(
    -- One row, one column: true when the silo was listed and the version advanced.
    'InsertMembershipKey',
    $q$
    SELECT orleans_membership_insert(
               @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
               @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Inserted";
    $q$
),
(
    -- One row, one column: true when the silo row changed and the version advanced.
    'UpdateMembershipKey',
    $q$
    SELECT orleans_membership_update(
               @DeploymentId, @Address, @Port, @Generation,
               @Status, @SuspectTimes, @IAmAliveTime, @Version) AS "Updated";
    $q$
),
(
    -- Heartbeat. Not versioned; never moves the heartbeat backwards.
    'UpdateIAmAlivetimeKey',
    $q$
    UPDATE orleans_membership
    SET    i_am_alive_time = greatest(i_am_alive_time, @IAmAliveTime)
    WHERE  deployment_id = @DeploymentId
      AND  address = @Address
      AND  port = @Port
      AND  generation = @Generation;
    $q$
),
(
    -- Gateways for clients: active silos with a gateway port. The provider passes Status = 3.
    'GatewaysQueryKey',
    $q$
    SELECT m.address    AS "Address",
           m.proxy_port AS "ProxyPort",
           m.generation AS "Generation"
    FROM   orleans_membership AS m
    WHERE  m.deployment_id = @DeploymentId
      AND  m.status = @Status
      AND  m.proxy_port > 0;
    $q$
),
(
    -- Forgets a cluster: its silo rows and its version row.
    'DeleteMembershipTableEntriesKey',
    $q$
    DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
    $q$
),
(
    -- Bulk clean-up (used only when CleanupDefunctSiloEntryKey is absent): removes dead silos
    -- whose start, last heartbeat and latest suspicion vote all precede the cut-off in
    -- @IAmAliveTime.
    'CleanupDefunctSiloEntriesKey',
    $q$
    DELETE FROM orleans_membership AS m
    WHERE  m.deployment_id = @DeploymentId
      AND  m.status = 6
      AND  m.start_time < @IAmAliveTime
      AND  m.i_am_alive_time < @IAmAliveTime
      AND  (coalesce(m.suspect_times, '') = ''
            OR orleans_membership_latest_vote(m.suspect_times) < @IAmAliveTime);
    $q$
),
(
    -- Row-by-row clean-up: the provider picks the defunct rows itself and removes each one only
    -- if it still holds exactly the values it read (still dead, same start, heartbeat and votes).
    'CleanupDefunctSiloEntryKey',
    $q$
    DELETE FROM orleans_membership
    WHERE  deployment_id = @DeploymentId
      AND  address = @Address
      AND  port = @Port
      AND  generation = @Generation
      AND  status = 6
      AND  start_time = @StartTime
      AND  i_am_alive_time = @IAmAliveTime
      AND  coalesce(suspect_times, '') = coalesce(@SuspectTimes, '');
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE
SET QueryText = EXCLUDED.QueryText;
