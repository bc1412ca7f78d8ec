#!/usr/bin/env bash
# Scenario "a caseload of 350": `participatie load --mix caseload` against a fresh Release silo (Local profile) whose
# prepared coaches hold CASELOAD_SIZE people each, so every GetCaseload call returns a whole caseload of that size in
# one page (the report's "caseload replies" line says how many people the replies held on average). Target (issue 7):
# p99 at most 10 ms for 350.
#   DURATION      seconds measured (default 30); WARMUP seconds before (default 5)
#   CONCURRENCY   workers, each with one call in flight, after a run with one (default 16)
#   CASELOAD_SIZE people per coach (default 350); COACHES how many (default 10), PREPARE = COACHES * CASELOAD_SIZE persons
#   NEIGHBOURHOODS the seeded neighbourhoods the persons live in (default 10)
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
CONCURRENCY=${CONCURRENCY:-16}
CASELOAD_SIZE=${CASELOAD_SIZE:-350}
COACHES=${COACHES:-10}
NEIGHBOURHOODS=${NEIGHBOURHOODS:-10}
PREPARE=$((COACHES * CASELOAD_SIZE))

build
machine
unset PARTICIPATIE_TOKEN
start_silo "caseload-local" --Storage:Profile=Local --Storage:DataDirectory="$WORK/local-data"

# Neighbourhoods only: the seed wants one coach at least; the load prepares the persons and their coaches itself.
log "seeding $NEIGHBOURHOODS neighbourhoods"
cli seed --neighbourhoods "$NEIGHBOURHOODS" --coaches 1 --clients 0 --experiment-arm-size 0 \
  --concurrency "$CONCURRENCY" 2>"$WORK/seed-progress.log" | head -1

# One coach opening a caseload at a time, then CONCURRENCY at once (the second preparation finds the same records).
for workers in 1 "$CONCURRENCY"; do
  echo
  echo "=== Local: caseloads of $CASELOAD_SIZE ($COACHES coaches, $PREPARE persons), $workers at once ==="
  log "preparing $PREPARE persons in caseloads of $CASELOAD_SIZE, then $WARMUP s warm-up and $DURATION s of load"
  cli load --mix caseload --duration "$DURATION" --warmup "$WARMUP" --concurrency "$workers" \
    --prepare "$PREPARE" --caseload-size "$CASELOAD_SIZE" 2>>"$WORK/load-progress.log"
done
stop_silo
