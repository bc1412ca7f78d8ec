#!/usr/bin/env bash
# Shared by the performance scenarios (sourced, not run): builds the silo and the CLI in Release once, starts a silo
# or a private PostgreSQL on free ports in a work folder of its own, and stops everything it started on exit.
#   PERF_WORK   the work folder (default: a new one under /tmp); PERF_KEEP=1 keeps it afterwards
#   PERF_NO_BUILD=1  use the Release builds as they are
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SILO_DLL=$ROOT/src/Participatie.Silo/bin/Release/net10.0/Participatie.Silo.dll
CLI_DLL=$ROOT/src/Participatie.Cli/bin/Release/net10.0/participatie.dll
WORK=${PERF_WORK:-$(mktemp -d /tmp/participatie-perf-XXXXXX)}
mkdir -p "$WORK"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

SILO_PID=""
PG_DATA=""
PG_BIN=""
PG_PORT=""
PG_AS=()

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cleanup() {
  stop_silo
  stop_postgres
  if [ "${PERF_KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT

build() {
  if [ "${PERF_NO_BUILD:-0}" = 1 ]; then return; fi
  log "building the silo and the CLI in Release"
  dotnet build "$ROOT/src/Participatie.Silo" -c Release -v q --nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
  dotnet build "$ROOT/src/Participatie.Cli" -c Release -v q --nologo >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
}

cli() { dotnet "$CLI_DLL" "$@"; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# What the figures were measured on, for the README.
machine() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB," \
    "$(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%FT%TZ)"
}

# start_silo NAME [--Key=value ...]: a Release silo with the gateway co-hosted, on free ports; exports
# PARTICIPATIE_GATEWAY for the CLI and waits until it answers.
# The load generator plays a whole city from one address, with one token per role: the rate limits stay on (their
# cost is part of the figures) at an operator's setting for load tests, far above what one person or office needs.
LOAD_TEST_LIMITS=(--RateLimits:ReadsPerSecond=100000 --RateLimits:ReadBurst=100000 --RateLimits:WritesPerSecond=100000
  --RateLimits:WriteBurst=100000 --RateLimits:AdminWritesPerSecond=100000 --RateLimits:AdminWriteBurst=100000
  --RateLimits:OpenStreams=10000 --RateLimits:AddressCallsPerSecond=1000000
  --RateLimits:AddressBurst=1000000)

start_silo() {
  local name=$1; shift
  local grpc web silo gateway
  grpc=$(free_port); web=$(free_port); silo=$(free_port); gateway=$(free_port)
  log "starting silo $name (gRPC :$grpc) with $(echo "$*" | sed -E 's/Key=[^ ]+/Key=(not shown)/g')"
  (cd "$(dirname "$SILO_DLL")" && exec dotnet "$SILO_DLL" \
    --Kestrel:Endpoints:Grpc:Url="http://127.0.0.1:$grpc" --Kestrel:Endpoints:Web:Url="http://127.0.0.1:$web" \
    --Cluster:SiloPort="$silo" --Cluster:GatewayPort="$gateway" --Logging:LogLevel:Default=Warning \
    "${LOAD_TEST_LIMITS[@]}" "$@" \
    >"$WORK/$name.log" 2>&1) &
  SILO_PID=$!
  export PARTICIPATIE_GATEWAY="http://127.0.0.1:$grpc"
  local deadline=$((SECONDS + 300))
  while [ $SECONDS -lt $deadline ]; do
    if cli ping >/dev/null 2>&1; then return; fi
    if ! kill -0 "$SILO_PID" 2>/dev/null; then cat "$WORK/$name.log" >&2; log "silo $name exited"; exit 1; fi
    sleep 1
  done
  log "silo $name did not answer within 300 s"; exit 1
}

stop_silo() {
  if [ -n "$SILO_PID" ] && kill -0 "$SILO_PID" 2>/dev/null; then
    kill "$SILO_PID" 2>/dev/null || true
    wait "$SILO_PID" 2>/dev/null || true
  fi
  SILO_PID=""
}

# A private PostgreSQL from Debian's binaries, durable as in production (fsync and synchronous commit on), with
# the database "participatie" migrated; sets PG_URL (for pgbench) and PG_CONNECTION (Npgsql).
start_postgres() {
  PG_BIN=${PARTICIPATIE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
  [ -x "$PG_BIN/initdb" ] || { log "PostgreSQL is not installed: apt-get install -y postgresql"; exit 1; }
  PG_DATA=$WORK/pg
  PG_PORT=$(free_port)
  mkdir -p "$PG_DATA"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$WORK"; PG_AS=(runuser -u postgres --); fi
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DATA/data" -A trust -U postgres -E UTF8 --locale=C >"$WORK/initdb.log" 2>&1
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA/data" -l "$PG_DATA/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=512MB" start >/dev/null
  "${PG_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres participatie
  PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/participatie"
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=participatie;Maximum Pool Size=200"
  cli db migrate --connection "$PG_CONNECTION" >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; exit 1; }
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on :$PG_PORT, schema migrated"
}

stop_postgres() {
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/data/postmaster.pid" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  PG_DATA=""
}

# Keys for a silo outside the Local profile (which refuses the public development key), and a token signed with them.
private_keys() {
  local signing bsn apikeys
  signing=$(head -c 48 /dev/urandom | base64 -w0)
  bsn=$(head -c 32 /dev/urandom | base64 -w0)
  apikeys=$(head -c 32 /dev/urandom | base64 -w0)
  PRIVATE_SETTINGS=(--Auth:Issuer=participatie-perf --Auth:Audience=participatie-perf-api
    --Auth:SigningKeys:0:KeyId=perf --Auth:SigningKeys:0:Key="$signing"
    --Privacy:BsnKeys:0:KeyId=perf --Privacy:BsnKeys:0:Key="$bsn" --Auth:ApiKeySecrets:0="$apikeys")
  PARTICIPATIE_TOKEN=$(cli token --role admin --sub perf --hours 24 --signing-key "$signing" --key-id perf \
    --issuer participatie-perf --audience participatie-perf-api)
  export PARTICIPATIE_TOKEN
}

# pgbench_upsert CONCURRENCY SECONDS: the raw single-row upsert rate of the private server (transactions per second),
# rows shaped like a person's stored state: a text key, a JSON document of about 2 KB and a version.
pgbench_upsert() {
  local concurrency=$1 seconds=$2
  "$PG_BIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres participatie <<'SQL'
CREATE TABLE bench_upsert (id text PRIMARY KEY, payload jsonb NOT NULL, version integer NOT NULL);
SQL
  cat >"$WORK/upsert.sql" <<'SQL'
\set id random(1, 100000)
INSERT INTO bench_upsert (id, payload, version)
VALUES ('cl-' || :id::integer, jsonb_build_object('n', :id::integer, 'text', repeat('x', 2000)), 1)
ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload, version = bench_upsert.version + 1;
SQL
  "$PG_BIN/pgbench" -n -M prepared -c "$concurrency" -j "$(nproc)" -T "$seconds" -f "$WORK/upsert.sql" "$PG_URL" 2>&1 \
    | tee "$WORK/pgbench.log" | grep -E '^(tps|latency|number of (clients|transactions actually))' >&2
  grep -q '^tps' "$WORK/pgbench.log" || { cat "$WORK/pgbench.log" >&2; log "pgbench failed"; exit 1; }
  grep -E '^tps' "$WORK/pgbench.log" | head -1 | awk '{print $3}'
}
