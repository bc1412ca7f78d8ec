#!/usr/bin/env bash
# Scenario "flood": one caller floods the platform with reads while another works as usual, with the rate limits on.
# A fresh Release silo (Local profile) with a seeded city; the per-principal read limit is set to READ_LIMIT calls/s
# (the address limit stays out of the way: both callers come from 127.0.0.1, where a real flood would share its
# address with nobody). Reports the ordinary caller's throughput and p50/p99 alone and during the flood, what the
# flooder got (served and refused with RESOURCE_EXHAUSTED), and the silo's resident memory before and after.
#   DURATION      seconds the ordinary caller is measured, alone and during the flood (default 20)
#   CONCURRENCY   the ordinary caller's workers (default 2); FLOOD the flooder's (default 200)
#   READ_LIMIT    per-principal reads per second (default 1000), burst twice that
#   CLIENTS       the seeded city's persons (default 1000)
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-20}
CONCURRENCY=${CONCURRENCY:-2}
FLOOD=${FLOOD:-200}
READ_LIMIT=${READ_LIMIT:-1000}
CLIENTS=${CLIENTS:-1000}

rss_mib() { echo $(($(ps -o rss= -p "$SILO_PID" | tr -d ' ') / 1024)); }
reads() { jq -r '.kinds[] | select(.operation == "READS") | "\(.callsPerSecond | floor) calls/s, p50 \(.p50Ms) ms, p99 \(.p99Ms) ms, \(.errors) errors"' "$1"; }

build
machine
start_silo "flood" --Storage:Profile=Local --Storage:DataDirectory="$WORK/local-data" \
  --RateLimits:ReadsPerSecond="$READ_LIMIT" --RateLimits:ReadBurst=$((READ_LIMIT * 2))
log "seeding $CLIENTS persons"
cli seed --neighbourhoods 10 --coaches 20 --clients "$CLIENTS" --experiment-arm-size 0 2>"$WORK/seed-progress.log" | head -1

ORDINARY=$(cli token --role admin --sub perf-ordinary --hours 1)
FLOODER=$(cli token --role admin --sub perf-flooder --hours 1)
ordinary() { cli --token "$ORDINARY" load --mix reads --duration "$DURATION" --warmup 5 --concurrency "$CONCURRENCY" --prepare 200 --json 2>>"$WORK/load-progress.log"; }

echo
echo "=== the ordinary caller alone: $CONCURRENCY workers of reads ==="
before=$(rss_mib)
ordinary >"$WORK/alone.json"
reads "$WORK/alone.json"

echo
echo "=== the same during a flood of $FLOOD workers of reads by another caller (limit $READ_LIMIT reads/s each) ==="
# A preparation of its own (another caseload size): a request_id replays only for the caller who first sent it.
cli --token "$FLOODER" load --mix reads --duration $((DURATION + 20)) --warmup 5 --concurrency "$FLOOD" --prepare 200 --caseload-size 40 --json \
  >"$WORK/flood.json" 2>>"$WORK/flood-progress.log" &
flooder=$!
sleep 10
ordinary >"$WORK/during.json"
wait "$flooder" || true  # refused calls make the load command end with exit code 1: here they are the point
reads "$WORK/during.json"
echo "the flooder: $(jq -r '.kinds[] | select(.operation == "READS") | "\(.calls) calls in \(.calls / .callsPerSecond | floor) s, \(.calls - .errors) served (\((.calls - .errors) / (.calls / .callsPerSecond) | floor)/s), refused: \(.errorsByStatus)"' "$WORK/flood.json")"
echo "silo resident memory: $before MiB before, $(rss_mib) MiB after"
