#!/usr/bin/env bash
# The health endpoints while the outgoing relay is out of order in the worst way: it takes the TCP
# connection and never says a word (every SMTP attempt waits for the 10 s read timeout). Starts the jar on
# its own embedded PostgreSQL in a temporary folder, queues one notice, and times each endpoint ROUNDS times.
#   bench/health-relay-down.sh [ROUNDS]      (default 5; needs curl and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
[ -f target/listserv.jar ] || ./mvnw -q -DskipTests package
WORK=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
RELAY_PORT=$(free_port)
HTTP_PORT=$(free_port)
python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',$RELAY_PORT)); s.listen(50); time.sleep(3600)" &
RELAY=$!
java -Xmx256m -jar target/listserv.jar --listserv.data-dir="$WORK/data" --server.port="$HTTP_PORT" \
  --listserv.inbound.smtp.port=0 --spring.mail.host=127.0.0.1 --spring.mail.port="$RELAY_PORT" \
  --listserv.admin.email=bench@example.org --listserv.admin.password=bench-password-1 >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP $RELAY 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do grep -q "Started ListservApplication" "$WORK/app.log" && break; sleep 1; done
grep -q "Started ListservApplication" "$WORK/app.log" || { echo "the app did not start: $WORK/app.log"; exit 1; }
BASE=http://127.0.0.1:$HTTP_PORT
curl -s -o /dev/null -u bench@example.org:bench-password-1 -H 'Content-Type: application/json' \
  -d '{"slug":"bench","name":"Bench","kind":"INFORMATIONAL"}' "$BASE/api/lists"
curl -s -o /dev/null -d 'email=someone%40example.org&name=' "$BASE/subscribe/bench"   # queues a confirmation notice
for path in /actuator/health/liveness /actuator/health/readiness /actuator/health; do
  for _ in $(seq 1 "$ROUNDS"); do
    curl -s -o /dev/null -w "$path %{http_code} %{time_total}s\n" "$BASE$path"
  done
done
sleep 12   # the outbox's first attempt times out after 10 s
echo "relay details after the first attempt:"
curl -s -u bench@example.org:bench-password-1 "$BASE/actuator/health" | python3 -c \
  'import json,sys; print(json.dumps(json.load(sys.stdin)["components"]["relay"], indent=1))'
