#!/usr/bin/env bash
# Subscribe-form benchmark: wrk POSTs /subscribe/{slug} with a new address each time against the jar
# (fresh embedded PostgreSQL, outgoing mail to a local do-nothing SMTP server), and prints wrk's
# throughput and latency percentiles. Needs wrk (apt-get install wrk) and python3 <= 3.11 for the sink.
#
#   bench/subscribe-benchmark.sh                       # 2 threads, 16 connections, 30 s, 3 runs
#   DURATION=10s CONNECTIONS=32 RUNS=1 bench/subscribe-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
RUNS=${RUNS:-3}
PORT=${PORT:-18082}
SMTP_PORT=${SMTP_PORT:-18025}
WORK=$(mktemp -d /tmp/listserv-bench.XXXXXX)
AUTH="admin@localhost:bench-password-1"

[ -f target/listserv.jar ] || ./mvnw -q -B -DskipTests package
python3 bench/smtp-sink.py "$SMTP_PORT" &
SINK=$!
LISTSERV_ADMIN_PASSWORD=bench-password-1 java -jar target/listserv.jar --listserv.data-dir="$WORK/data" \
  --server.port="$PORT" --spring.mail.port="$SMTP_PORT" \
  --listserv.subscriptions.subscribe-per-client-per-minute=100000000 > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP $SINK 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break
  sleep 1
done
curl -sf -u "$AUTH" -H 'Content-Type: application/json' \
  -d '{"slug":"bench","name":"Bench","kind":"INFORMATIONAL"}' "http://localhost:$PORT/api/lists" > /dev/null
echo "warm-up (20 s)..."
LIST=bench wrk -t"$THREADS" -c"$CONNECTIONS" -d20s -s bench/subscribe.lua "http://localhost:$PORT" > /dev/null
for run in $(seq 1 "$RUNS"); do
  echo "--- run $run: $THREADS threads, $CONNECTIONS connections, $DURATION"
  LIST=bench wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/subscribe.lua "http://localhost:$PORT" \
    | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%"
done
echo "members pending: $(curl -s -u "$AUTH" "http://localhost:$PORT/api/lists/bench/members?status=PENDING&size=1" \
  | grep -o '"totalElements":[0-9]*')"
echo "notices sent:    $(PGPASSWORD=$(cat "$WORK/data/postgres.password") psql -qtA -h 127.0.0.1 \
  -p "$(grep -o '127.0.0.1:[0-9]*' "$WORK/app.log" | head -1 | cut -d: -f2)" -U postgres listserv \
  -c "select count(*) filter (where state = 'SENT') || ' of ' || count(*) from outbox" 2>/dev/null || echo '?')"
