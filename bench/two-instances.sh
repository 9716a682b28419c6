#!/usr/bin/env bash
# Two app instances on one PostgreSQL send one campaign together. Instance A runs the embedded database;
# instance B connects to it (SPRING_DATASOURCE_URL). Each relays to its own recording SMTP sink, so the
# two files show who sent what. Checks: every member got exactly one message (no address in both files or
# twice in one), both instances sent part of it, and the ledger says SENT for all. Not part of verify.
#
#   bench/two-instances.sh            # 20,000 members
#   MEMBERS=5000 bench/two-instances.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-20000}
WORK=$(mktemp -d /tmp/listserv-two.XXXXXX); echo "work folder: $WORK"
chmod 755 "$WORK"
AUTH="admin@localhost:two-password-1"
PG_PORT=${PG_PORT:-55439}
[ -f target/listserv.jar ] || ./mvnw -q -B -DskipTests package

python3 bench/recording-sink.py 18031 "$WORK/a.txt" 2>/dev/null & SINK_A=$!
python3 bench/recording-sink.py 18032 "$WORK/b.txt" 2>/dev/null & SINK_B=$!
wait_up() { for _ in $(seq 1 120); do curl -sf "http://localhost:$1/actuator/health" > /dev/null && return; sleep 0.5; done; echo "app on $1 did not start"; exit 1; }
common="--listserv.inbound.smtp.port=0 --listserv.sending.join-interval=1s --listserv.sending.partition-size=500"
LISTSERV_ADMIN_PASSWORD=two-password-1 java -Xmx256m -jar target/listserv.jar --server.port=18087 \
  --listserv.data-dir="$WORK/a" --listserv.database.port=$PG_PORT --listserv.sending.instance-id=a \
  --listserv.sending.relays[0].host=127.0.0.1 --listserv.sending.relays[0].port=18031 --spring.mail.port=18031 $common > "$WORK/a.log" 2>&1 & APP_A=$!
trap 'kill $APP_B $APP_A $SINK_A $SINK_B 2>/dev/null; wait $APP_A 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
APP_B=
wait_up 18087
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/listserv" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD="$(cat "$WORK/a/postgres.password")" java -Xmx256m -jar target/listserv.jar --server.port=18088 \
  --listserv.data-dir="$WORK/b" --listserv.sending.instance-id=b \
  --listserv.sending.relays[0].host=127.0.0.1 --listserv.sending.relays[0].port=18032 --spring.mail.port=18032 $common > "$WORK/b.log" 2>&1 & APP_B=$!
wait_up 18088
API=http://localhost:18087/api
curl -sf -u "$AUTH" -H 'Content-Type: application/json' \
  -d '{"slug":"two","name":"Two","kind":"INFORMATIONAL","fromAddress":"news@example.org"}' "$API/lists" > /dev/null
awk -v n="$MEMBERS" 'BEGIN { print "email,name"; for (i = 0; i < n; i++) printf "m%d@two%d.example.org,Member %d\n", i, i % 7, i }' > "$WORK/m.csv"
curl -sf -u "$AUTH" -H 'Content-Type: text/csv' -X POST -T "$WORK/m.csv" "$API/lists/two/members/import?mode=ACTIVE" | cut -c1-60; echo
ID=$(curl -sf -u "$AUTH" -H 'Content-Type: application/json' \
  -d '{"list":"two","subject":"Hello","body":"Dear {{subscriber.name}}, read [this](https://example.org/x)."}' \
  "$API/campaigns" | sed -E 's/^\{"id":([0-9]+).*/\1/')
curl -sf -u "$AUTH" -X POST "$API/campaigns/$ID/send" > /dev/null
status=
for _ in $(seq 1 600); do
  status=$(curl -sf -u "$AUTH" "$API/campaigns/$ID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  [ "$status" = "SENT" ] && break
  sleep 1
done
sleep 1
a=$(wc -l < "$WORK/a.txt"); b=$(wc -l < "$WORK/b.txt")
unique=$(cat "$WORK/a.txt" "$WORK/b.txt" | sort -u | wc -l)
dups=$(cat "$WORK/a.txt" "$WORK/b.txt" | sort | uniq -d | wc -l)
sent=$(curl -sf -u "$AUTH" "$API/campaigns/$ID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["progress"]["sent"])')
echo "status $status; instance a sent $a, instance b sent $b; $unique distinct recipients of $MEMBERS; $dups sent twice; ledger SENT $sent"
grep -q "Helping with the send of campaign $ID" "$WORK/b.log" && echo "instance b joined the send"
[ "$status" = SENT ] && [ "$unique" -eq "$MEMBERS" ] && [ "$dups" -eq 0 ] && [ $((a + b)) -eq "$MEMBERS" ] && [ "$a" -gt 0 ] && [ "$b" -gt 0 ] \
  && [ "$sent" -eq "$MEMBERS" ] && echo PASS || { echo FAIL; exit 1; }
