-- Participatie's own audit log: every read and change of a person's data (who, role, what, whom, why, when, outcome).
--
-- Written by the gateway (group commit: the records of concurrent calls in one INSERT) before a reply leaves.
-- Append-only: triggers refuse UPDATE and DELETE for every role, so a compromised application account cannot
-- rewrite history; retention of the log itself is a decision for the municipality (see deploy/README.md).
-- No names, no BSN: client_id is the opaque person id ("cl-…").
--
-- Idempotent.

CREATE TABLE IF NOT EXISTS participatie_audit_log
(
    sequence   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor_role text        NOT NULL,
    actor_id   text        NOT NULL,
    action     text        NOT NULL,
    client_id  text        NOT NULL,
    purpose    text        NOT NULL,
    outcome    text        NOT NULL
);

CREATE INDEX IF NOT EXISTS participatie_audit_log_by_client ON participatie_audit_log (client_id, sequence DESC);
CREATE INDEX IF NOT EXISTS participatie_audit_log_by_actor ON participatie_audit_log (actor_id, sequence DESC);

CREATE OR REPLACE FUNCTION participatie_audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS
$fn$
BEGIN
    RAISE EXCEPTION 'participatie_audit_log is append-only (% refused)', TG_OP;
END;
$fn$;

DROP TRIGGER IF EXISTS participatie_audit_log_no_change ON participatie_audit_log;
CREATE TRIGGER participatie_audit_log_no_change
    BEFORE UPDATE OR DELETE ON participatie_audit_log
    FOR EACH ROW EXECUTE FUNCTION participatie_audit_log_append_only();

DROP TRIGGER IF EXISTS participatie_audit_log_no_truncate ON participatie_audit_log;
CREATE TRIGGER participatie_audit_log_no_truncate
    BEFORE TRUNCATE ON participatie_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION participatie_audit_log_append_only();
