-- 001_orleans_queries.sql
--
-- The query catalogue of the Orleans ADO.NET providers.
--
-- On start, each Orleans ADO.NET provider (clustering, grain persistence, reminders) runs
-- "SELECT QueryKey, QueryText FROM OrleansQuery" and from then on executes only the texts it
-- found there, looked up by key. The table name and its two column names are therefore part of
-- the providers' contract; everything else in deploy/postgres/ is our own layout. Files 002 to
-- 004 fill the catalogue with our query texts.
--
-- Idempotent: safe to run again, and on a database that already has the table.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,

    CONSTRAINT orleans_query_pk PRIMARY KEY (QueryKey)
);

COMMENT ON TABLE OrleansQuery IS
    'Query texts of the Orleans ADO.NET providers, by key (deploy/postgres/002..004).';
