#!/usr/bin/env bash
# Scenario "the country": 400,000 persons on one Release silo (Local profile). Reports the managed heap per active
# person — the heap the silo reports in the cluster status (GCMemoryInfo.HeapSizeBytes of its last collection) over
# its ClientGrain activations, less the heap of the empty silo — the time of the monthly payment run, and search
# (ListClients) over everyone through the gateway.
#   CLIENTS, COACHES, NEIGHBOURHOODS  the size (default 400000, 4000, 3300: the CBS counts about 3,300 wijken in the
#                                      Netherlands, so about 120 people on assistance per neighbourhood and 100 per coach)
#   CONCURRENCY                        calls in flight while seeding (default 64)
#   MONTH                              the month to pay (default 2026-01)
#   SEARCH_DURATION, SEARCH_CONCURRENCY  the search load afterwards (default 30 s, from 1 and from 16 workers)
source "$(dirname "$0")/lib.sh"

CLIENTS=${CLIENTS:-400000}
COACHES=${COACHES:-4000}
NEIGHBOURHOODS=${NEIGHBOURHOODS:-3300}
CONCURRENCY=${CONCURRENCY:-64}
MONTH=${MONTH:-2026-01}
SEARCH_DURATION=${SEARCH_DURATION:-30}
SEARCH_CONCURRENCY=${SEARCH_CONCURRENCY:-16}

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
cli payments run "$MONTH" 2>"$WORK/payments-progress.log" | head -3
paid=$(date +%s.%N)
read -r heap_paid active_paid < <(heap_and_active)

# Search over the whole country through the gateway: ListClients by a two-letter name prefix, a page of 50 (the client
# directory), from one worker (a coach typing) and from SEARCH_CONCURRENCY workers.
for workers in 1 "$SEARCH_CONCURRENCY"; do
  echo
  echo "=== search over $CLIENTS persons, $workers at once ==="
  cli load --mix search --duration "$SEARCH_DURATION" --warmup 5 --concurrency "$workers" --prepare 1 2>>"$WORK/load-progress.log" | sed -n '/^OPERATION/,/^TOTAL/p'
done
echo

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
