#!/usr/bin/env bash
# End-to-end send benchmark on the real jar: the app at -Xmx256m (HEAP) on a fresh embedded PostgreSQL sends a
# personalised campaign to MEMBERS members through Postfix's smtp-sink (Debian package `postfix`), RUNS times;
# prints each run (POST /send to status SENT, measured from outside) and the median. Then the sink's own
# ceiling: Postfix's smtp-source pushing the same number of messages of the same size over the same number
# of connections. Not part of `./mvnw verify`.
#
#   bench/send-postfix-benchmark.sh                    # 20,000 members, 3 runs, -Xmx256m
#   MEMBERS=50000 RUNS=5 HEAP=256m bench/send-postfix-benchmark.sh
#   EXTRA="--listserv.sending.workers=4" bench/send-postfix-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-20000}
RUNS=${RUNS:-3}
HEAP=${HEAP:-256m}
PORT=${PORT:-18081}
SINK_PORT=${SINK_PORT:-2600}
EXTRA=${EXTRA:-}
command -v smtp-sink >/dev/null || [ -x /usr/sbin/smtp-sink ] || { echo "smtp-sink not found: apt-get install postfix"; exit 2; }
PATH=$PATH:/usr/sbin
WORK=$(mktemp -d /tmp/listserv-send-bench.XXXXXX)
chmod 755 "$WORK"
PASSWORD=bench-password-1
AUTH="admin@localhost:$PASSWORD"
[ -f target/listserv.jar ] || ./mvnw -q -B -DskipTests package

SINK_USER=$( [ "$(id -u)" = 0 ] && echo "-u nobody" || echo "")
smtp-sink $SINK_USER 127.0.0.1:$SINK_PORT 1024 &
SINK=$!
LISTSERV_ADMIN_EMAIL=admin@localhost LISTSERV_ADMIN_PASSWORD=$PASSWORD java -Xmx$HEAP ${JAVA_OPTS:-} -jar target/listserv.jar \
  --listserv.data-dir="$WORK/data" --server.port="$PORT" --listserv.inbound.smtp.port=0 \
  --listserv.sending.relays[0].host=127.0.0.1 --listserv.sending.relays[0].port=$SINK_PORT $EXTRA > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP $SINK 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break
  sleep 1
done
api() { curl -sf -u "$AUTH" -H 'Content-Type: application/json' "$@"; }

api -d '{"slug":"bench","name":"Bench","kind":"INFORMATIONAL","fromAddress":"news@example.org"}' \
  "http://localhost:$PORT/api/lists" > /dev/null
awk -v n="$MEMBERS" 'BEGIN { print "email,name,city";
  for (i = 0; i < n; i++) printf "member%d@bench%d.example.org,Member %d,City %d\n", i, i % 97, i, i % 500 }' > "$WORK/m.csv"
curl -sf -u "$AUTH" -H 'Content-Type: text/csv' -X POST -T "$WORK/m.csv" \
  "http://localhost:$PORT/api/lists/bench/members/import?mode=ACTIVE" | cut -c1-80
echo

rates=()
for run in $(seq 1 "$RUNS"); do
  id=$(api -d '{"list":"bench","subject":"Benchmark {{subscriber.name}}","body":"Dear {{subscriber.name}} of {{subscriber.attributes.city}},\n\nRead [the report](https://example.org/report) and **act now**.\n\n- one\n- two"}' \
    "http://localhost:$PORT/api/campaigns" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  start=$(date +%s.%N)
  api -X POST "http://localhost:$PORT/api/campaigns/$id/send" > /dev/null
  # poll slowly: each API call checks a bcrypt password, which costs a core tens of milliseconds; the end
  # time is the campaign's updatedAt, set when it became SENT
  while ! api "http://localhost:$PORT/api/campaigns/$id" > "$WORK/c.json" || ! grep -q '"status":"SENT"' "$WORK/c.json"; do sleep 1; done
  end=$(python3 -c 'import json,sys,datetime; print(datetime.datetime.fromisoformat(json.load(open(sys.argv[1]))["updatedAt"].replace("Z","+00:00")).timestamp())' "$WORK/c.json")
  sent=$(sed -E 's/.*"sent":([0-9]+).*/\1/' "$WORK/c.json")
  rate=$(awk -v n="$sent" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", n / (b - a) }')
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  echo "run $run: $sent messages in ${secs}s = $rate messages/s"
  rates+=("$rate")
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "median: $median messages/s end to end, app at -Xmx$HEAP, to Postfix smtp-sink"
grep -E "OutOfMemory" "$WORK/app.log" && { echo "out of memory"; exit 1; } || true

SIZE=$(curl -sf -u "$AUTH" -H 'Content-Type: application/json' -d '{}' "http://localhost:$PORT/api/campaigns/$id/preview" | wc -c)
SESSIONS=$(( $(echo "$EXTRA" | sed -nE 's/.*workers=([0-9]+).*/\1/p' | grep . || echo 2) * 4 ))
start=$(date +%s.%N)
smtp-source -s "$SESSIONS" -m "$MEMBERS" -l "$SIZE" -f news@example.org -t member@bench.example.org 127.0.0.1:$SINK_PORT
end=$(date +%s.%N)
echo "sink ceiling: smtp-source, $MEMBERS messages of $SIZE bytes over $SESSIONS connections: $(awk -v n="$MEMBERS" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", n / (b - a) }') messages/s"
