#!/usr/bin/env bash
# Scenario "a city": import 40,000 persons, 500 coaches and 100 neighbourhoods into a fresh Release silo in the
# Local profile (SQLite) through the gateway, and report how long it took.
#   CLIENTS, COACHES, NEIGHBOURHOODS  the size (default 40000, 500, 100)
#   CONCURRENCY                        calls in flight (default 64)
source "$(dirname "$0")/lib.sh"

CLIENTS=${CLIENTS:-40000}
COACHES=${COACHES:-500}
NEIGHBOURHOODS=${NEIGHBOURHOODS:-100}
CONCURRENCY=${CONCURRENCY:-64}

build
machine
start_silo city --Storage:Profile=Local --Storage:DataDirectory="$WORK/city-data"

log "seeding $NEIGHBOURHOODS neighbourhoods, $COACHES coaches, $CLIENTS persons with $CONCURRENCY calls in flight"
started=$(date +%s.%N)
cli seed --neighbourhoods "$NEIGHBOURHOODS" --coaches "$COACHES" --clients "$CLIENTS" --experiment-arm-size 0 \
  --concurrency "$CONCURRENCY" 2>"$WORK/seed-progress.log"
ended=$(date +%s.%N)

cli status | sed -n '1,14p'
python3 - "$started" "$ended" "$CLIENTS" <<'PY'
import sys
started, ended, clients = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
seconds = ended - started
print(f"city import: {clients} persons (registered and assigned) in {seconds:.1f} s, {clients / seconds:.0f} persons/s")
PY
