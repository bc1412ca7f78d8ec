-- The audit log's hash chain and the rights of the application's role.
--
-- Every record appended from now on is linked into the chain of the process that wrote it: chain_id (one per host
-- process start), chain_sequence (1, 2, … within that chain), format (of the hashed encoding), previous_hash and
-- hash (SHA-256, see src/Participatie.Gateway/Security/Audit/AuditHash.cs). `participatie audit verify` walks every
-- chain. Records from before this script keep NULL here: verify counts them as unchained, and the CHECK below
-- (NOT VALID: it holds for every row written after it, not for the old ones) refuses any new record without a link.
-- on_behalf_of: whom the caller acted for, when not for themselves (NEN 7513's "namens"), NULL otherwise.
--
-- Rights: the migrating role (the one that runs these scripts) owns every table. The silos and gateways connect
-- with another role, given its rights by participatie_grant_app_role(role): on the audit log only SELECT and
-- INSERT, so it can neither change, delete nor truncate a record nor disable the triggers (only the owner may
-- ALTER TABLE). `participatie db migrate --app-role <role>` calls it after the scripts; by hand:
--   SELECT participatie_grant_app_role('participatie_app');
--
-- Idempotent.

ALTER TABLE participatie_audit_log
    ADD COLUMN IF NOT EXISTS on_behalf_of   text,
    ADD COLUMN IF NOT EXISTS chain_id       text,
    ADD COLUMN IF NOT EXISTS chain_sequence bigint,
    ADD COLUMN IF NOT EXISTS format         smallint,
    ADD COLUMN IF NOT EXISTS previous_hash  bytea,
    ADD COLUMN IF NOT EXISTS hash           bytea;

CREATE UNIQUE INDEX IF NOT EXISTS participatie_audit_log_by_chain
    ON participatie_audit_log (chain_id, chain_sequence) WHERE chain_id IS NOT NULL;

DO $do$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'participatie_audit_log_chained') THEN
        ALTER TABLE participatie_audit_log ADD CONSTRAINT participatie_audit_log_chained CHECK (
            chain_id IS NOT NULL AND chain_sequence > 0 AND format IS NOT NULL
            AND octet_length(previous_hash) = 32 AND octet_length(hash) = 32) NOT VALID;
    END IF;
END;
$do$;

-- Grants the application's role what it needs, and on the audit log no more than reading and appending. Run again
-- after every migration (the migrator does), so tables added later are covered.
CREATE OR REPLACE FUNCTION participatie_grant_app_role(app_role text) RETURNS void
LANGUAGE plpgsql AS
$fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
        RAISE EXCEPTION 'role % does not exist: create it first (CREATE ROLE % LOGIN PASSWORD ...)', app_role, app_role;
    END IF;
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = app_role)
        OR pg_has_role(app_role, (SELECT tableowner FROM pg_tables WHERE tablename = 'participatie_audit_log' AND schemaname = current_schema()), 'MEMBER') THEN
        RAISE EXCEPTION 'role % is a superuser or owns the audit log: the application needs a role of its own that does not', app_role;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app_role);
    EXECUTE format('GRANT SELECT ON OrleansQuery TO %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON orleans_membership_version, orleans_membership, orleans_storage, '
        || 'orleans_reminders, participatie_client_directory TO %I', app_role);
    EXECUTE format('REVOKE ALL ON participatie_audit_log FROM %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT ON participatie_audit_log TO %I', app_role);
END;
$fn$;

REVOKE ALL ON FUNCTION participatie_grant_app_role(text) FROM PUBLIC;
REVOKE ALL ON participatie_audit_log FROM PUBLIC;
