#!/usr/bin/env bash
# Scenario "the country": 400,000 persons on one Release silo (Local profile). Reports the managed heap per active
# person — the heap the silo reports in the cluster status (GCMemoryInfo.HeapSizeBytes of its last collection) over
# its ClientGrain activations, less the heap of the empty silo — and the time of the monthly payment run.
#   CLIENTS, COACHES, NEIGHBOURHOODS  the size (default 400000, 4000, 350)
#   CONCURRENCY                        calls in flight while seeding (default 16)
#   MONTH                              the month to pay (default 2026-01)
source "$(dirname "$0")/lib.sh"

CLIENTS=${CLIENTS:-400000}
COACHES=${COACHES:-4000}
NEIGHBOURHOODS=${NEIGHBOURHOODS:-350}
CONCURRENCY=${CONCURRENCY:-16}
MONTH=${MONTH:-2026-01}

# heap_and_active: "<managed heap bytes> <ClientGrain activations>" as the silo reports them now.
heap_and_active() {
  cli cluster --json | jq -r '"\(.answeredByManagedHeapBytes) \([.activations[] | select(.grainType == "ClientGrain") | .activations] | add // 0)"'
}

build
machine
start_silo country --Storage:Profile=Local --Storage:DataDirectory="$WORK/country-data"
read -r heap_empty _ < <(heap_and_active)

log "seeding $NEIGHBOURHOODS neighbourhoods, $COACHES coaches, $CLIENTS persons with $CONCURRENCY calls in flight"
started=$(date +%s.%N)
cli seed --neighbourhoods "$NEIGHBOURHOODS" --coaches "$COACHES" --clients "$CLIENTS" --experiment-arm-size 0 \
  --concurrency "$CONCURRENCY" 2>"$WORK/seed-progress.log"
seeded=$(date +%s.%N)
read -r heap_seeded active_seeded < <(heap_and_active)

log "paying $MONTH"
paying=$(date +%s.%N)
cli payments run "$MONTH" --started-by perf 2>"$WORK/payments-progress.log" | head -3
paid=$(date +%s.%N)
read -r heap_paid active_paid < <(heap_and_active)

python3 - "$CLIENTS" "$started" "$seeded" "$paying" "$paid" "$heap_empty" "$heap_seeded" "$active_seeded" "$heap_paid" "$active_paid" <<'PY'
import sys
clients = int(sys.argv[1])
started, seeded, paying, paid = map(float, sys.argv[2:6])
empty, heap_seeded, active_seeded, heap_paid, active_paid = map(int, sys.argv[6:11])
mib = lambda b: b / 2**20
print(f"import: {clients} persons in {seeded - started:.1f} s, {clients / (seeded - started):.0f} persons/s")
for label, heap, active in (("after the import", heap_seeded, active_seeded), ("after the payment run", heap_paid, active_paid)):
    per = (heap - empty) / active if active else float("nan")
    print(f"managed heap {label}: {mib(heap):,.0f} MiB with {active} persons active "
          f"({mib(empty):,.0f} MiB empty): {per / 1024:,.1f} KiB per active person")
print(f"payment run: {clients} persons in {paid - paying:.1f} s, {clients / (paid - paying):.0f} persons/s")
PY
