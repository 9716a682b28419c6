#!/usr/bin/env bash
# Import benchmark: POSTs a generated CSV of ROWS members (default 1,000,000) to the running jar,
# started with a 512 MB heap on a fresh embedded PostgreSQL, RUNS times (each into a new list),
# and prints each time and the median. Not part of `./mvnw verify`.
#
#   bench/import-benchmark.sh            # 1,000,000 rows, 3 runs
#   ROWS=100000 RUNS=5 bench/import-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
PORT=${PORT:-18080}
WORK=$(mktemp -d /tmp/listserv-bench.XXXXXX)
PASSWORD=bench-password-1
AUTH="admin@localhost:$PASSWORD"

[ -f target/listserv.jar ] || ./mvnw -q -B -DskipTests package

echo "Generating $ROWS rows..."
awk -v n="$ROWS" 'BEGIN { print "email,name,city,zip";
  for (i = 0; i < n; i++) printf "member%d@bench%d.example.org,\"Member %d\",City %d,%05d\n", i, i % 97, i, i % 500, i % 100000 }' \
  > "$WORK/members.csv"
ls -lh "$WORK/members.csv" | awk '{ print "CSV size: " $5 }'

LISTSERV_ADMIN_PASSWORD=$PASSWORD java -Xmx512m -jar target/listserv.jar \
  --listserv.data-dir="$WORK/data" --server.port="$PORT" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break
  sleep 1
done

times=()
for run in $(seq 1 "$RUNS"); do
  curl -sf -u "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"slug\":\"bench-$run\",\"name\":\"Bench $run\",\"kind\":\"INFORMATIONAL\"}" \
    "http://localhost:$PORT/api/lists" > /dev/null
  out=$(curl -sS -u "$AUTH" -H 'Content-Type: text/csv' -X POST -T "$WORK/members.csv" \
    -w '\n%{time_total}' "http://localhost:$PORT/api/lists/bench-$run/members/import?mode=ACTIVE")
  t=$(echo "$out" | tail -1)
  echo "run $run: ${t}s  $(echo "$out" | head -1 | cut -c1-120)"
  times+=("$t")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "median import time for $ROWS rows with -Xmx512m: ${median}s"
grep -E "Import into" "$WORK/app.log" | cut -c100-400 || true
grep -E "OutOfMemory" "$WORK/app.log" && { echo "out of memory"; exit 1; } || true
