#!/usr/bin/env bash
# Crash test of sending: a campaign to MEMBERS members (default 20,000) through a real SMTP sink in
# another process; the app is killed with SIGKILL about half-way, started again, and must finish the
# campaign. Checks: every member received it, duplicates are at most what was in flight (one chunk per
# worker), and the deliveries ledger agrees with the sink.
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-20000}
PORT=${PORT:-18086}
SMTP_PORT=${SMTP_PORT:-18028}
WORK=$(mktemp -d /tmp/listserv-crash.XXXXXX)
AUTH="admin@localhost:crash-password-1"
API="http://localhost:$PORT/api"

[ -f target/listserv.jar ] || ./mvnw -q -B -DskipTests package
python3 bench/recording-sink.py "$SMTP_PORT" "$WORK/received.txt" 2>/dev/null &
SINK=$!
start_app() {
  LISTSERV_ADMIN_PASSWORD=crash-password-1 java -Xmx256m -jar target/listserv.jar --listserv.data-dir="$WORK/data" \
    --server.port="$PORT" --spring.mail.port="$SMTP_PORT" --listserv.inbound.smtp.port=0 \
    --listserv.sending.connections=1 --listserv.sending.scheduler-interval=2s >> "$WORK/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && return; sleep 0.5; done
  echo "app did not start"; exit 1
}
trap 'kill -9 $APP 2>/dev/null; kill $SINK 2>/dev/null; sleep 1; pkill -f "$WORK/data/postgres" 2>/dev/null; true' EXIT
start_app

curl -sf -u "$AUTH" -H 'Content-Type: application/json' \
  -d '{"slug":"crash","name":"Crash Test","kind":"INFORMATIONAL","fromAddress":"news@example.org"}' "$API/lists" > /dev/null
awk -v n="$MEMBERS" 'BEGIN { print "email,name"; for (i = 0; i < n; i++) printf "m%d@crash.example.org,Member %d\n", i, i }' \
  > "$WORK/members.csv"
curl -sf -u "$AUTH" -H 'Content-Type: text/csv' --data-binary @"$WORK/members.csv" "$API/lists/crash/members/import" \
  | cut -c1-80; echo
ID=$(curl -sf -u "$AUTH" -H 'Content-Type: application/json' \
  -d '{"list":"crash","subject":"Crash test","body":"Hello {{subscriber.name}}. [Leave]({{unsubscribe_url}})"}' \
  "$API/campaigns" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -sf -u "$AUTH" -X POST "$API/campaigns/$ID/send" > /dev/null
while :; do
  got=$(wc -l < "$WORK/received.txt" 2>/dev/null || echo 0)
  [ "$got" -ge $((MEMBERS / 2)) ] && break
  sleep 0.05
done
kill -9 "$APP"
echo "killed the app with SIGKILL after the sink had $got messages"
sleep 1
start_app
for _ in $(seq 1 600); do
  status=$(curl -sf -u "$AUTH" "$API/campaigns/$ID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  [ "$status" = "SENT" ] && break
  sleep 0.5
done
echo "campaign status after restart: $status"
total=$(wc -l < "$WORK/received.txt")
unique=$(sort -u "$WORK/received.txt" | wc -l)
missing=$(comm -23 <(tail -n +2 "$WORK/members.csv" | cut -d, -f1 | sort) <(sort -u "$WORK/received.txt") | wc -l)
sent=$(curl -sf -u "$AUTH" "$API/campaigns/$ID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["progress"]["sent"])')
echo "members $MEMBERS, received $total copies of $unique addresses, missing $missing, duplicates $((total - unique)), ledger SENT $sent"
# in flight at the kill: at most one chunk per worker (listserv.sending.workers=2 x chunk-size=200 by default)
inflight=$((2 * 200))
echo "duplicates allowed (the chunks in flight): $inflight"
[ "$status" = "SENT" ] && [ "$missing" -eq 0 ] && [ "$sent" -eq "$MEMBERS" ] && [ $((total - unique)) -le "$inflight" ] \
  && echo "PASS" || { echo "FAIL"; exit 1; }
