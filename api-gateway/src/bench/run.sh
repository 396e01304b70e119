#!/usr/bin/env bash
# Load benchmark of the api-gateway against the embedded platform (H2 file store, one JVM).
# Usage: api-gateway/src/bench/run.sh [duration-seconds]   (from the repository root)
# Needs: wrk (Debian package), a JDK 17 and Maven. Targets only 127.0.0.1.
set -euo pipefail
DURATION="${1:-20}"
PORT="${BENCH_PORT:-18089}"
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
BENCH="$ROOT/api-gateway/src/bench"
WORK="$(mktemp -d /tmp/strata-bench.XXXXXX)"
cd "$ROOT"
# one reactor invocation, so the sibling modules resolve to their target/classes (the last
# module written, api-gateway, leaves its class path in cp.txt)
mvn -B -q -pl api-gateway -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" -Dspotless.check.skip=true >/dev/null
CP="$ROOT/api-gateway/target/test-classes:$ROOT/api-gateway/target/classes:$(cat "$WORK/cp.txt")"
java -Xmx1g -cp "$CP" dev.strata.gateway.bench.BenchServer "$WORK/data" "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q READY "$WORK/server.log" && break; sleep 0.5; done
grep -q READY "$WORK/server.log" || { cat "$WORK/server.log"; exit 1; }
BASE="http://127.0.0.1:$PORT"
AUTH="Authorization: Bearer bench-ci"

echo "== machine"; nproc; grep -m1 'model name' /proc/cpuinfo || true; free -g | head -2

# one run to read, then warm up both paths
RUN=$(curl -s -H "$AUTH" -H 'Content-Type: application/json' -X POST "$BASE/v1/triggers" \
  -d '{"deliveryId":"bench-read","event":"push","repository":"mudler/LocalAI","payload":{"ref":"refs/heads/master","before":"0000000000000000000000000000000000000000","after":"1111111111111111111111111111111111111111","repository":{"full_name":"mudler/LocalAI"}}}' \
  | sed 's/.*"runId":"\([a-z0-9]*\)".*/\1/')
sleep 1
wrk -t2 -c8 -d5s -s "$BENCH/get-run.lua" "$BASE/v1/runs/$RUN" >/dev/null
wrk -t1 -c2 -d3s -s "$BENCH/triggers.lua" "$BASE" -- warmup >/dev/null

GET_CONN="${GET_CONNECTIONS:-4}"
POST_CONN="${POST_CONNECTIONS:-16}"
echo "== GET /v1/runs/$RUN (${DURATION}s, 2 threads, $GET_CONN connections)"
wrk -t2 -c"$GET_CONN" -d"${DURATION}s" --latency -s "$BENCH/get-run.lua" "$BASE/v1/runs/$RUN"

echo "== POST /v1/triggers (${DURATION}s, 2 threads, $POST_CONN connections, unique deliveries)"
runs() { curl -s "$BASE/metrics" | awk '/^strata_runs\{/ {s+=$2} END {printf "%d", s}'; }
# the warm-up's runs must all be counted before the baseline is taken
BEFORE=$(runs); SAME=0
for _ in $(seq 1 120); do
  sleep 0.5; NOW=$(runs)
  if [ "$NOW" = "$BEFORE" ]; then SAME=$((SAME + 1)); [ "$SAME" -ge 4 ] && break; else SAME=0; fi
  BEFORE=$NOW
done
CPU0=$(awk '{print $14+$15}' /proc/$SERVER/stat)
wrk -t2 -c"$POST_CONN" -d"${DURATION}s" --latency -s "$BENCH/triggers.lua" "$BASE" -- main | tee "$WORK/triggers.txt"
ACCEPTED=$(sed -n 's/^ACCEPTED \([0-9]*\).*/\1/p' "$WORK/triggers.txt")
CPU1=$(awk '{print $14+$15}' /proc/$SERVER/stat)
for _ in $(seq 1 60); do
  AFTER=$(runs)
  [ "$((AFTER - BEFORE))" -ge "$ACCEPTED" ] && break
  sleep 0.5
done
echo "== runs counted afterwards: before=$BEFORE after=$AFTER accepted=$ACCEPTED new=$((AFTER - BEFORE))"
# server CPU (user+system, all threads) per accepted trigger: independent of how much of the
# machine other processes take, unlike the rate
echo "== server CPU during the trigger run: $(( (CPU1 - CPU0) * 10 )) ms for $ACCEPTED triggers" \
  "($(awk -v c=$((CPU1 - CPU0)) -v n="$ACCEPTED" 'BEGIN {printf "%.2f", c * 10 / n}') ms each)"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$WORK"
