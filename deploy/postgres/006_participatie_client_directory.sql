-- Participatie's client directory: one row per person, what lists and searches read (ClientService.ListClients), so a
-- list never calls thousands of person grains.
--
-- A projection: each person's record (ClientGrain) writes its row through its outbox after every change, "set if
-- newer" by the record's version, so a repeated or late delivery changes nothing. An anonymised record leaves a row
-- without names (anonymised = true) whose version keeps an older, named row from coming back; such rows are never
-- listed. The whole table can be rebuilt from the records.
--
-- name_key is the folded "family name given name" (lower case, no diacritics; see Participatie.Domain NameKeys),
-- compared byte by byte (COLLATE "C"), so a name prefix is an index range and the order is the same as SQLite's.
-- Lists page by keyset on (name_key, client_id); each index below serves one kind of list in that order.
--
-- Idempotent.

CREATE TABLE IF NOT EXISTS participatie_client_directory
(
    client_id             text COLLATE "C" PRIMARY KEY,
    given_name            text             NOT NULL,
    family_name           text             NOT NULL,
    name_key              text COLLATE "C" NOT NULL,
    neighbourhood_id      text COLLATE "C" NOT NULL,
    coach_id              text COLLATE "C",
    segment               smallint         NOT NULL,
    team_involvement      boolean          NOT NULL,
    case_ended_on         date,
    last_participation_on date,
    anonymised            boolean          NOT NULL,
    version               bigint           NOT NULL
);

CREATE INDEX IF NOT EXISTS participatie_client_directory_by_name
    ON participatie_client_directory (name_key, client_id) WHERE anonymised = FALSE;
CREATE INDEX IF NOT EXISTS participatie_client_directory_by_coach
    ON participatie_client_directory (coach_id, name_key, client_id) WHERE anonymised = FALSE;
CREATE INDEX IF NOT EXISTS participatie_client_directory_by_neighbourhood
    ON participatie_client_directory (neighbourhood_id, name_key, client_id) WHERE anonymised = FALSE;
