#!/usr/bin/env bash
# Import benchmark: POSTs generated CSVs of ROWS members (default 1,000,000) to the running jar, started
# with a 512 MB heap on a fresh embedded PostgreSQL. Each of RUNS rounds (new people each round) times four
# imports of ROWS rows:
#   first    the people into a new list
#   second   the same people into a second new list (all known subscribers, none on the list)
#   overlap  a third new list, half of the rows people from the first file, half new people
#   again    the first file again into the first list (every row already a member)
# Between imports it runs ANALYZE on subscribers and memberships, as autovacuum does within a minute of a
# large import (ANALYZE=0 leaves it to autovacuum). Prints each import's seconds and each scenario's
# median; an import that takes over IMPORT_TIMEOUT seconds (600) stops the benchmark. Not part of
# `./mvnw verify`.
#
#   bench/import-benchmark.sh            # 1,000,000 rows, 3 rounds
#   ROWS=100000 RUNS=5 bench/import-benchmark.sh
#   LANGUAGE=1 bench/import-benchmark.sh # the files also have a language column (es, en, blank in turn)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
PORT=${PORT:-18080}
ANALYZE=${ANALYZE:-1}
LANGUAGE=${LANGUAGE:-0}
IMPORT_TIMEOUT=${IMPORT_TIMEOUT:-600}
WORK=$(mktemp -d /tmp/listserv-bench.XXXXXX)
PASSWORD=bench-password-1
AUTH="admin@localhost:$PASSWORD"

[ -f target/listserv.jar ] || ./mvnw -q -B -DskipTests package
command -v psql > /dev/null || { echo "psql is needed to run ANALYZE (apt-get install postgresql-client)"; exit 2; }

# people FIRST COUNT: a CSV of COUNT people numbered from FIRST, with this round's prefix
people() {
  awk -v first="$1" -v n="$2" -v p="$PREFIX" -v lang="$LANGUAGE" 'BEGIN {
    split("es,en,", tags, ","); print "email,name,city,zip" (lang ? ",language" : "");
    for (i = first; i < first + n; i++)
      printf "%smember%d@bench%d.example.org,\"Member %d\",City %d,%05d%s\n", p, i, i % 97, i, i % 500, i % 100000,
        lang ? "," tags[i % 3 + 1] : "" }'
}

LISTSERV_ADMIN_PASSWORD=$PASSWORD java -Xmx512m -jar target/listserv.jar \
  --listserv.data-dir="$WORK/data" --server.port="$PORT" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break
  sleep 1
done
PG_PORT=$(grep -o 'Embedded PostgreSQL running on 127.0.0.1:[0-9]*' "$WORK/app.log" | head -1 | cut -d: -f2)
[ "$ANALYZE" = 1 ] && echo "ANALYZE between imports through psql on port $PG_PORT" || echo "no ANALYZE between imports"
sql() { PGPASSWORD=$(cat "$WORK/data/postgres.password") psql -qAt -h 127.0.0.1 -p "$PG_PORT" -U postgres listserv "$@"; }
analyze() {
  [ "$ANALYZE" = 1 ] || return 0
  sql -c 'analyze subscribers' -c 'analyze memberships'
}
# statements over a second go to data/postgres.log, printed at the end
sql -c "alter system set log_min_duration_statement = '1s'" -c 'select pg_reload_conf()' > /dev/null

new_list() {
  curl -sf -u "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"slug\":\"$1\",\"name\":\"Bench $1\",\"kind\":\"INFORMATIONAL\"}" \
    "http://localhost:$PORT/api/lists" > /dev/null
}

# import SCENARIO SLUG FILE: imports, prints the time, the HTTP status and the answer
declare -A times
import() {
  out=$(curl -sS --max-time "$IMPORT_TIMEOUT" -u "$AUTH" -H 'Content-Type: text/csv' -X POST -T "$3" \
    -w '\n%{http_code} %{time_total}' "http://localhost:$PORT/api/lists/$2/members/import?mode=ACTIVE") \
    || { echo "$1 into $2: no answer within ${IMPORT_TIMEOUT}s"; exit 1; }
  t=$(echo "$out" | tail -1 | cut -d' ' -f2)
  printf '%-8s %-16s %7ss  %s %s\n' "$1" "$2" "$t" "$(echo "$out" | tail -1 | cut -d' ' -f1)" \
    "$(echo "$out" | head -1 | cut -c1-100)"
  times[$1]="${times[$1]:-} $t"
  analyze
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for run in $(seq 1 "$RUNS"); do
  PREFIX="r$run"
  echo "Round $run: generating $ROWS rows, twice..."
  people 0 "$ROWS" > "$WORK/members.csv"
  people $((ROWS / 2)) "$ROWS" > "$WORK/overlap.csv"
  [ "$run" = 1 ] && ls -lh "$WORK/members.csv" | awk '{ print "CSV size: " $5 }'
  for l in a b c; do new_list "bench-$run-$l"; done
  import first "bench-$run-a" "$WORK/members.csv"
  import second "bench-$run-b" "$WORK/members.csv"
  import overlap "bench-$run-c" "$WORK/overlap.csv"
  import again "bench-$run-a" "$WORK/members.csv"
done

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for scenario in first second overlap again; do
  median=$(printf '%s\n' ${times[$scenario]} | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  echo "median $scenario import of $ROWS rows with -Xmx512m: ${median}s  (${times[$scenario]# } )"
done
grep -E "Import into" "$WORK/app.log" | sed 's/.*Import into/Import into/' || true
echo "Statements over 1 s, in order:"
grep -o 'duration: [0-9.]* ms .*' "$WORK/data/postgres.log" | cut -c1-110 || true
grep -E "OutOfMemory" "$WORK/app.log" && { echo "out of memory"; exit 1; } || true
