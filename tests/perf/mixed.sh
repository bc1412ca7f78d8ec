#!/usr/bin/env bash
# Scenario "mixed load": 80% reads and 20% durable writes (`participatie load --mix mixed`) for 60 s against a fresh
# Release silo with a seeded city, in the Local profile and in the PostgreSql profile (a private PostgreSQL from
# Debian's binaries, durable settings). Reports throughput and p50/p95/p99 per operation, for the reads and the
# writes, and the run's throughput against Ping alone at the same concurrency. In the PostgreSql profile it then
# runs durable writes alone and pgbench's raw single-row upsert at the same concurrency (see pgbench.sh), and
# reports their ratio.
#   PROFILES      Local, PostgreSql or both (default "Local PostgreSql")
#   DURATION      seconds measured (default 60); WARMUP seconds before (default 10)
#   CONCURRENCY   workers, each with one call in flight (default 16)
#   CLIENTS, COACHES, NEIGHBOURHOODS  the seeded city (default 5000, 50, 20); PREPARE load targets (default 2000)
source "$(dirname "$0")/lib.sh"

PROFILES=${PROFILES:-Local PostgreSql}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
CONCURRENCY=${CONCURRENCY:-16}
CLIENTS=${CLIENTS:-5000}
COACHES=${COACHES:-50}
NEIGHBOURHOODS=${NEIGHBOURHOODS:-20}
PREPARE=${PREPARE:-2000}

load() {
  cli load --duration "$DURATION" --warmup "$WARMUP" --concurrency "$CONCURRENCY" --prepare "$PREPARE" "$@" 2>>"$WORK/load-progress.log"
}

build
machine
for profile in $PROFILES; do
  case $profile in
    Local)
      unset PARTICIPATIE_TOKEN
      start_silo "mixed-local" --Storage:Profile=Local --Storage:DataDirectory="$WORK/local-data"
      ;;
    PostgreSql)
      start_postgres
      private_keys
      start_silo "mixed-postgres" --Storage:Profile=PostgreSql --Storage:ConnectionString="$PG_CONNECTION" "${PRIVATE_SETTINGS[@]}"
      ;;
    *) log "unknown profile $profile (Local or PostgreSql)"; exit 1 ;;
  esac

  log "$profile: seeding $CLIENTS persons"
  cli seed --neighbourhoods "$NEIGHBOURHOODS" --coaches "$COACHES" --clients "$CLIENTS" --experiment-arm-size 0 \
    --concurrency "$CONCURRENCY" 2>"$WORK/seed-progress.log" | head -1

  echo
  echo "=== $profile: mixed load, 80% reads / 20% writes ==="
  load --mix mixed --compare-ping

  if [ "$profile" = PostgreSql ]; then
    echo
    echo "=== $profile: durable writes alone against pgbench's single-row upsert, $CONCURRENCY at once ==="
    # Grain state rows stored: every write of the ADO.NET provider raises its row's version by one.
    stored_versions() { "$PG_BIN/psql" -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres participatie -c "SELECT coalesce(sum(version), 0) FROM orleans_storage"; }
    before=$(stored_versions)
    writes=$(load --mix writes --json | tee "$WORK/writes.json" | jq -r '.kinds[] | select(.operation == "WRITES") | .callsPerSecond')
    after=$(stored_versions)
    jq -r '.operations[] | "\(.operation): \(.callsPerSecond) calls/s, p99 \(.p99Ms) ms, \(.errors) errors"' "$WORK/writes.json"
    upserts=$(pgbench_upsert "$CONCURRENCY" "$DURATION")
    python3 - "$writes" "$upserts" "$before" "$after" "$DURATION" "$WARMUP" <<'PY'
import sys
calls, upserts, before, after, duration, warmup = map(float, sys.argv[1:])
rows = (after - before) / (duration + warmup)
print(f"durable write calls {calls:.0f}/s against pgbench upserts {upserts:.0f}/s: {100 * calls / upserts:.0f}%")
print(f"grain state rows stored {rows:.0f}/s (warm-up included) against pgbench upserts: {100 * rows / upserts:.0f}%"
      f" ({rows / calls:.1f} rows per call)" if calls else "")
PY
  fi

  stop_silo
  stop_postgres
done
