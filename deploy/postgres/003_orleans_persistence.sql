-- 003_orleans_persistence.sql
--
-- Grain state for Orleans.Persistence.AdoNet: AdoNetGrainStorage, Orleans 10.x, ADO.NET
-- invariant "Npgsql".
--
-- A row is one state of one grain. Its identity is (service id, state name, grain key):
--   service_id          ClusterOptions.ServiceId                        (@ServiceId)
--   grain_type          the state name the grain storage is called with (@GrainTypeString);
--                       since Orleans 7 this is the state name, e.g. the name given in
--                       [PersistentState("client-v1", ...)], not the grain class
--   grain_id_n0, _n1    the numeric part of the grain key: a Guid key as two 64-bit halves, an
--                       integer key in n1, zeros for a string key  (@GrainIdN0, @GrainIdN1)
--   grain_id_extension  the key extension, or the whole key of a string-keyed grain; '' when
--                       the provider sends none (NULL)              (@GrainIdExtensionString)
--   grain_id_has_extension
--                       whether the provider sent an extension: tells "none" from "empty"
--                       while every identity column stays NOT NULL, so the primary key
--                       answers every lookup, prepared or not
-- The provider also sends two 32-bit hashes of type and key (@GrainTypeHash, @GrainIdHash). They
-- are stored for reference, but they are not unique and rows are never looked up by them.
--
-- Concurrency: version is the grain state's ETag. A write names the version it read
-- (@GrainStateVersion, NULL when the grain has no row yet) and succeeds only if that is still the
-- stored version; it then returns the new version as NewGrainStateVersion. On a mismatch the
-- result is NULL, which the provider turns into an InconsistentStateException.
--
-- Duplicate rows: the identity is the primary key. Two first writes of the same grain state
-- racing each other therefore cannot both insert: the loser waits for the winner's insert, fails
-- on the key and reports a version conflict instead of adding a second row.
--
-- Query keys: ReadFromStorageKey, WriteToStorageKey, ClearStorageKey (required), and
-- DeleteStorageKey (used when the storage option DeleteStateOnClear is true).
--
-- Requires 001_orleans_queries.sql. Idempotent.

CREATE TABLE IF NOT EXISTS orleans_storage
(
    service_id             text        NOT NULL,
    grain_type             text        NOT NULL,
    grain_id_n0            bigint      NOT NULL,
    grain_id_n1            bigint      NOT NULL,
    grain_id_extension     text        NOT NULL,
    grain_id_has_extension boolean     NOT NULL,
    grain_type_hash        integer     NOT NULL,
    grain_id_hash          integer     NOT NULL,
    payload_binary         bytea       NULL,
    version                integer     NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    modified_at            timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT orleans_storage_pk PRIMARY KEY
        (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, grain_id_has_extension)
);

COMMENT ON TABLE orleans_storage IS
    'Orleans grain state: one row per (service, state name, grain key); version is the ETag.';
COMMENT ON COLUMN orleans_storage.payload_binary IS
    'The serialized state; NULL after the state was cleared (the row and its version remain).';

-- Stores a grain state if p_expected_version is still the stored version (NULL: no row yet).
-- Returns the new version, or NULL when nothing was written (version conflict).
CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_service_id         text,
    p_grain_type         text,
    p_grain_id_n0        bigint,
    p_grain_id_n1        bigint,
    p_grain_id_extension text,
    p_grain_type_hash    integer,
    p_grain_id_hash      integer,
    p_payload            bytea,
    p_expected_version   integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_version integer;
BEGIN
    IF p_expected_version IS NOT NULL THEN
        UPDATE orleans_storage
        SET    payload_binary  = p_payload,
               version         = version + 1,
               grain_type_hash = p_grain_type_hash,
               grain_id_hash   = p_grain_id_hash,
               modified_at     = now()
        WHERE  service_id = p_service_id
          AND  grain_type = p_grain_type
          AND  grain_id_n0 = p_grain_id_n0
          AND  grain_id_n1 = p_grain_id_n1
          AND  grain_id_extension = coalesce(p_grain_id_extension, '')
          AND  grain_id_has_extension = (p_grain_id_extension IS NOT NULL)
          AND  version = p_expected_version
        RETURNING version INTO v_version;

        RETURN v_version;
    END IF;

    -- First write: the caller has seen no row, so there must be none.
    BEGIN
        INSERT INTO orleans_storage
            (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
             grain_id_has_extension, grain_type_hash, grain_id_hash, payload_binary, version)
        VALUES
            (p_service_id, p_grain_type, p_grain_id_n0, p_grain_id_n1, coalesce(p_grain_id_extension, ''),
             p_grain_id_extension IS NOT NULL, p_grain_type_hash, p_grain_id_hash, p_payload, 1)
        RETURNING version INTO v_version;
    EXCEPTION
        WHEN unique_violation THEN
            -- A row exists, possibly inserted a moment ago by a concurrent first write:
            -- a version conflict, never a second row.
            v_version := NULL;
    END;

    RETURN v_version;
END;
$fn$;

-- The query texts. Result column names are the ones the provider reads, by name; for
-- ClearStorageKey and DeleteStorageKey it reads the first column.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    -- The stored state and its version; no row when the grain has never been written.
    'ReadFromStorageKey',
    $q$
    SELECT s.payload_binary AS "PayloadBinary",
           s.version        AS "Version"
    FROM   orleans_storage AS s
    WHERE  s.service_id = @ServiceId
      AND  s.grain_type = @GrainTypeString
      AND  s.grain_id_n0 = @GrainIdN0
      AND  s.grain_id_n1 = @GrainIdN1
      AND  s.grain_id_extension = coalesce(@GrainIdExtensionString, '')
      AND  s.grain_id_has_extension = (@GrainIdExtensionString IS NOT NULL);
    $q$
),
(
    -- One row: the new version, or NULL on a version conflict.
    'WriteToStorageKey',
    $q$
    SELECT orleans_storage_write(
               @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
               @GrainTypeHash, @GrainIdHash, @PayloadBinary, @GrainStateVersion) AS "NewGrainStateVersion";
    $q$
),
(
    -- Clears the state but keeps the row, so the version keeps counting. One row: the new
    -- version, or NULL on a version conflict.
    'ClearStorageKey',
    $q$
    WITH cleared AS (
        UPDATE orleans_storage AS s
        SET    payload_binary = NULL,
               version        = s.version + 1,
               modified_at    = now()
        WHERE  s.service_id = @ServiceId
          AND  s.grain_type = @GrainTypeString
          AND  s.grain_id_n0 = @GrainIdN0
          AND  s.grain_id_n1 = @GrainIdN1
          AND  s.grain_id_extension = coalesce(@GrainIdExtensionString, '')
          AND  s.grain_id_has_extension = (@GrainIdExtensionString IS NOT NULL)
          AND  s.version = @GrainStateVersion
        RETURNING s.version
    )
    SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion";
    $q$
),
(
    -- Removes the row (DeleteStateOnClear = true). One row: the removed version plus one, or
    -- NULL on a version conflict.
    'DeleteStorageKey',
    $q$
    WITH deleted AS (
        DELETE FROM orleans_storage AS s
        WHERE  s.service_id = @ServiceId
          AND  s.grain_type = @GrainTypeString
          AND  s.grain_id_n0 = @GrainIdN0
          AND  s.grain_id_n1 = @GrainIdN1
          AND  s.grain_id_extension = coalesce(@GrainIdExtensionString, '')
          AND  s.grain_id_has_extension = (@GrainIdExtensionString IS NOT NULL)
          AND  s.version = @GrainStateVersion
        RETURNING s.version + 1 AS next_version
    )
    SELECT (SELECT next_version FROM deleted) AS "NewGrainStateVersion";
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE
SET QueryText = EXCLUDED.QueryText;
