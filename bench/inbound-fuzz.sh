#!/usr/bin/env bash
# Inbound fuzz benchmark: COUNT (default 10,000) mutated messages (bench/inbound-fuzz.py: truncation, byte
# flips, broken boundaries, deep nesting, huge headers, NULs, bad charsets, long runs of address
# characters, over hand-written seeds: bounces, complaints, auto-replies, posts, commands, owner mail,
# confirmations) through the SMTP listener of the real jar (-Xmx512m, fresh embedded PostgreSQL), then the
# inbound processor, process-bounces (every 5 s) and the send job (to Postfix's smtp-sink). Prints what the
# listener accepted, what was stored, the final states, the exceptions in the log, the slowest messages'
# processing times, and a verdict: 0 lost, 0 stuck, no message over its budget. Not part of ./mvnw verify.
#
#   bench/inbound-fuzz.sh                 # 10,000 messages, seed 1
#   COUNT=2000 SEED=7 bench/inbound-fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-10000}
SEED=${SEED:-1}
PORT=${PORT:-18082}
SMTP_PORT=${SMTP_PORT:-2526}
SINK_PORT=${SINK_PORT:-2601}
BUDGET=${BUDGET:-5s}
PATH=$PATH:/usr/sbin
command -v smtp-sink >/dev/null || { echo "smtp-sink not found: apt-get install postfix"; exit 2; }
command -v psql >/dev/null || { echo "psql not found: apt-get install postgresql-client"; exit 2; }
WORK=$(mktemp -d /tmp/listserv-fuzz.XXXXXX)
chmod 755 "$WORK"
PASSWORD=bench-password-1
AUTH="admin@localhost:$PASSWORD"
if [ ! -f target/listserv.jar ] || [ -n "$(find src/main pom.xml -newer target/listserv.jar -print -quit)" ]; then
  ./mvnw -q -B -DskipTests package
fi

SINK_USER=$( [ "$(id -u)" = 0 ] && echo "-u nobody" || echo "")
smtp-sink $SINK_USER 127.0.0.1:$SINK_PORT 1024 &
SINK=$!
LISTSERV_ADMIN_EMAIL=admin@localhost LISTSERV_ADMIN_PASSWORD=$PASSWORD java -Xmx512m -jar target/listserv.jar \
  --listserv.data-dir="$WORK/data" --server.port="$PORT" --listserv.mail.domain=lists.example.org \
  --listserv.inbound.smtp.port=$SMTP_PORT --listserv.inbound.message-budget=$BUDGET \
  --listserv.bounces.message-budget=$BUDGET --listserv.bounces.interval=5s \
  --listserv.posting.dmarc-lookup=false \
  --spring.mail.host=127.0.0.1 --spring.mail.port=$SINK_PORT \
  --listserv.sending.relays[0].host=127.0.0.1 --listserv.sending.relays[0].port=$SINK_PORT \
  --logging.level.org.listserv.bounces.BounceProcessing=DEBUG > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP $SINK 2>/dev/null; wait $APP 2>/dev/null || true; [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break
  sleep 1
done
api() { curl -sf -u "$AUTH" -H 'Content-Type: application/json' "$@"; }
api -d '{"slug":"fuzz","name":"Fuzz","kind":"ACTION","postingPolicy":"MEMBERS"}' "http://localhost:$PORT/api/lists" > /dev/null
{ echo "email,name"; for i in $(seq 0 19); do echo "member$i@members.example.org,Member $i"; done; } > "$WORK/m.csv"
curl -sf -u "$AUTH" -H 'Content-Type: text/csv' -X POST -T "$WORK/m.csv" \
  "http://localhost:$PORT/api/lists/fuzz/members/import?mode=ACTIVE" > /dev/null

PGPORT=$(grep -o 'Embedded PostgreSQL running on 127.0.0.1:[0-9]*' "$WORK/app.log" | head -1 | sed 's/.*://')
export PGPASSWORD; PGPASSWORD=$(cat "$WORK/data/postgres.password")
sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d listserv -At -F ' ' -c "$1"; }

echo "Sending $COUNT mutated messages (seed $SEED) to 127.0.0.1:$SMTP_PORT..."
START=$(date +%s)
python3 bench/inbound-fuzz.py --port $SMTP_PORT --slug fuzz --count "$COUNT" --seed "$SEED" > "$WORK/sent.json"
SENT_AT=$(date +%s)
python3 - "$WORK/sent.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"sent {s['sent']} messages ({s['bytes'] / 1e6:.0f} MB), accepted (250) {s['accepted']}")
print("  refused:", s["refused"] or "none", " connection errors:", s["errors"] or "none")
print("  seeds:", s["seeds"])
print("  mutations:", s["mutations"])
EOF

# wait until nothing is left to do (or 15 minutes): no inbound message RECEIVED, no bounce QUEUED, no send
# of a post (or a notice) unfinished
for _ in $(seq 1 900); do
  left=$(sql "select (select count(*) from inbound_messages where state = 'RECEIVED')
                   + (select count(*) from bounce_messages where state = 'QUEUED')
                   + (select count(*) from campaigns where status = 'SENDING')
                   + (select count(*) from outbox where state = 'PENDING')")
  [ "$left" = 0 ] && break
  sleep 1
done
DONE_AT=$(date +%s)
echo "sending took $((SENT_AT - START)) s; all processed $((DONE_AT - SENT_AT)) s after the last message"

ACCEPTED=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['accepted'])" "$WORK/sent.json")
STORED=$(sql "select count(*) from inbound_messages")
echo "stored: $STORED inbound messages"
echo "inbound final states:"; sql "select '  ' || state, count(*) from inbound_messages group by state order by 1"
echo "inbound notes of HELD and FAILED (top 8):"
sql "select '  ' || count(*), left(regexp_replace(coalesce(note, ''), '[0-9]+', 'N', 'g'), 90) from inbound_messages
      where state in ('HELD', 'FAILED') group by 2 order by count(*) desc limit 8"
echo "bounce messages:"; sql "select '  ' || state, count(*) from bounce_messages group by state order by 1"
echo "bounce review notes (top 6):"
sql "select '  ' || count(*), left(regexp_replace(coalesce(note, ''), '[0-9]+', 'N', 'g'), 90) from bounce_messages
      where state = 'REVIEW' group by 2 order by count(*) desc limit 6"
echo "posts:"; sql "select '  ' || status, count(*) from posts group by status order by 1"
echo "sends of posts:"; sql "select '  ' || status, count(*) from campaigns group by status order by 1"
echo "notices (outbox):"; sql "select '  ' || state, count(*) from outbox group by state order by 1"
STUCK=$(sql "select (select count(*) from inbound_messages where state = 'RECEIVED')
              + (select count(*) from bounce_messages where state = 'QUEUED')
              + (select count(*) from campaigns where status = 'SENDING')
              + (select count(*) from outbox where state = 'PENDING')")
COSTLY=$(sql "select (select count(*) from inbound_messages where note like 'Too costly%')
               + (select count(*) from bounce_messages where note like 'Too costly%')")

echo "exceptions in the log (by type):"
grep -oE '^[a-zA-Z.]+(Exception|Error)[:]?' "$WORK/app.log" | sort | uniq -c | sort -rn | head -10 | sed 's/^/  /' || true
echo "  ERROR lines: $(grep -c ' ERROR ' "$WORK/app.log" || true)"
python3 - "$WORK/app.log" "$BUDGET" <<'EOF'
import re, sys
inbound, bounces = [], []
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"Inbound message (\d+) to \S+: (\w+) in (\d+) ms", line)
    if m:
        inbound.append((int(m.group(3)), m.group(1), m.group(2)))
    m = re.search(r"Bounce message (\d+): (\w+) in (\d+) ms", line)
    if m:
        bounces.append((int(m.group(3)), m.group(1), m.group(2)))
for name, rows in (("inbound processing", inbound), ("bounce reading", bounces)):
    rows.sort(reverse=True)
    if rows:
        median = sorted(r[0] for r in rows)[len(rows) // 2]
        print(f"{name}: {len(rows)} messages, median {median} ms, slowest "
              + ", ".join(f"#{i} {ms} ms ({state})" for ms, i, state in rows[:3]))
EOF
LOST=$((ACCEPTED - STORED))
echo "lost (accepted but not stored): $LOST; stuck (a message, bounce, send or notice not in a final state): $STUCK; put aside as too costly: $COSTLY"
if [ "$LOST" = 0 ] && [ "$STUCK" = 0 ]; then echo "PASS"; else echo "FAIL"; exit 1; fi
