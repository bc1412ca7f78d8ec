-- 004_orleans_reminders.sql
--
-- Reminders for Orleans.Reminders.AdoNet: AdoNetReminderTable, Orleans 10.x, ADO.NET invariant
-- "Npgsql".
--
-- A row is one reminder of one grain in one service: (service_id, grain_id, reminder_name).
-- grain_id is GrainId.ToString(); grain_hash is the grain's uniform hash code as a signed 32-bit
-- integer, by which the reminder service splits the reminders over the silos' ring ranges.
-- period_ms is the period in milliseconds. version is the reminder's ETag: 0 when created, plus
-- one on each change; a delete must name the current version.
--
-- Query keys: ReadReminderRowsKey, ReadReminderRowKey, ReadRangeRows1Key, ReadRangeRows2Key,
-- UpsertReminderRowKey, DeleteReminderRowKey, DeleteReminderRowsKey (all required).
--
-- Requires 001_orleans_queries.sql. Idempotent.

CREATE TABLE IF NOT EXISTS orleans_reminders
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,

    CONSTRAINT orleans_reminders_pk PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Ring-range reads (ReadRangeRows1Key, ReadRangeRows2Key).
CREATE INDEX IF NOT EXISTS orleans_reminders_ring_ix
    ON orleans_reminders (service_id, grain_hash);

COMMENT ON TABLE orleans_reminders IS
    'Orleans reminders: one row per (service, grain, reminder name); version is the ETag.';

-- The query texts. Result column names are the ones the provider reads, by name.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    -- All reminders of one grain.
    'ReadReminderRowsKey',
    $q$
    SELECT r.grain_id      AS "GrainId",
           r.reminder_name AS "ReminderName",
           r.start_time    AS "StartTime",
           r.period_ms     AS "Period",
           r.version       AS "Version"
    FROM   orleans_reminders AS r
    WHERE  r.service_id = @ServiceId
      AND  r.grain_id = @GrainId;
    $q$
),
(
    -- One reminder of one grain; no row when it does not exist.
    'ReadReminderRowKey',
    $q$
    SELECT r.grain_id      AS "GrainId",
           r.reminder_name AS "ReminderName",
           r.start_time    AS "StartTime",
           r.period_ms     AS "Period",
           r.version       AS "Version"
    FROM   orleans_reminders AS r
    WHERE  r.service_id = @ServiceId
      AND  r.grain_id = @GrainId
      AND  r.reminder_name = @ReminderName;
    $q$
),
(
    -- Ring range that does not wrap (the provider picks this one when BeginHash < EndHash as
    -- signed integers): grain_hash in (BeginHash, EndHash].
    'ReadRangeRows1Key',
    $q$
    SELECT r.grain_id      AS "GrainId",
           r.reminder_name AS "ReminderName",
           r.start_time    AS "StartTime",
           r.period_ms     AS "Period",
           r.version       AS "Version"
    FROM   orleans_reminders AS r
    WHERE  r.service_id = @ServiceId
      AND  r.grain_hash > @BeginHash
      AND  r.grain_hash <= @EndHash;
    $q$
),
(
    -- Ring range that wraps (otherwise, including BeginHash = EndHash: the whole ring):
    -- grain_hash above BeginHash or at most EndHash.
    'ReadRangeRows2Key',
    $q$
    SELECT r.grain_id      AS "GrainId",
           r.reminder_name AS "ReminderName",
           r.start_time    AS "StartTime",
           r.period_ms     AS "Period",
           r.version       AS "Version"
    FROM   orleans_reminders AS r
    WHERE  r.service_id = @ServiceId
      AND  (r.grain_hash > @BeginHash OR r.grain_hash <= @EndHash);
    $q$
),
(
    -- Creates the reminder (version 0) or replaces its schedule (version plus one), atomically.
    -- One row: the new version. @Period arrives as a 32-bit integer when it fits, else 64-bit.
    'UpsertReminderRowKey',
    $q$
    INSERT INTO orleans_reminders AS r
        (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET    start_time = EXCLUDED.start_time,
           period_ms  = EXCLUDED.period_ms,
           grain_hash = EXCLUDED.grain_hash,
           version    = r.version + 1
    RETURNING r.version AS "Version";
    $q$
),
(
    -- Removes a reminder if @Version is still its version. One row, one column: true when removed.
    'DeleteReminderRowKey',
    $q$
    WITH removed AS (
        DELETE FROM orleans_reminders
        WHERE  service_id = @ServiceId
          AND  grain_id = @GrainId
          AND  reminder_name = @ReminderName
          AND  version = @Version
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM removed) AS "Removed";
    $q$
),
(
    -- Removes every reminder of the service (used by tests).
    'DeleteReminderRowsKey',
    $q$
    DELETE FROM orleans_reminders
    WHERE  service_id = @ServiceId;
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE
SET QueryText = EXCLUDED.QueryText;
