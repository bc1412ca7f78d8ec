#!/usr/bin/env bash
# The raw PostgreSQL single-row upsert rate that the durable-write target is measured against: pgbench on a private
# server (Debian's binaries, the same durable settings as mixed.sh), rows shaped like a person's stored state.
#   CONCURRENCY  clients (default 16, as mixed.sh); DURATION seconds (default 60)
source "$(dirname "$0")/lib.sh"

CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-60}

build
machine
start_postgres
tps=$(pgbench_upsert "$CONCURRENCY" "$DURATION")
echo "pgbench single-row upsert, $CONCURRENCY clients, $DURATION s: $tps per second"
