#!/bin/sh
# Run by the postgres image on the first start of an empty data volume, as POSTGRES_USER (the owner, which `migrate`
# uses). Creates the role the silos and gateway connect with; `migrate --app-role participatie_app` grants it its
# rights (on the audit log only SELECT and INSERT). The password comes from APP_DB_PASSWORD (deploy/compose/.env).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v app_password="$APP_DB_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE participatie_app LOGIN PASSWORD :'app_password';
GRANT CONNECT ON DATABASE :"db" TO participatie_app;
SQL
