#!/usr/bin/env bash
# Ingestion load harness on PostgreSQL: starts Conversa from the built jar, measures start-up time and idle memory,
# then posts inbound messages through the REST API with wrk (scripts/load/ingest.lua): a JIT warm-up, then the
# measured run, then redeliveries that must store nothing new, and a count of the rows stored.
# Usage: scripts/load-test.sh [seconds=30] [connections=16] [warm-up seconds=60]
# Needs a local PostgreSQL, a JDK >= 21 in JAVA_HOME and wrk (Debian package wrk; installed when missing).
# SKIP_BUILD=1 uses the jar already built; AOT=0 starts the plain jar; SERVER_OPTS passes JVM options to the server.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_MEASURED=${1:-30}
CONNECTIONS=${2:-16}
WARMUP=${3:-60}
PORT=${PORT:-8181}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
DB=conversa_load
BASE="http://localhost:$PORT"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -pl conversa-app -am package -DskipTests
# The server starts as README's "Running in production" says: extracted jar and AOT cache (AOT=0: the plain jar).
if [ "${AOT:-1}" = 1 ]; then LAUNCH=$(scripts/aot-cache.sh); else LAUNCH="-XX:G1PeriodicGCInterval=10000 -jar $(ls conversa-app/target/conversa-app-*-exec.jar)"; fi
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
# Production PostgreSQL vacuums as it goes (autovacuum, on by default). A CI server may run with it off, which lets
# dead row versions of the hot rows (conversations, event publications) pile up and slows every statement: turn it
# on for the run and put the setting back afterwards.
restore=true
if [ "$(psql -tA -h 127.0.0.1 -U postgres -d postgres -c 'SHOW autovacuum')" = off ]; then
  echo "PostgreSQL has autovacuum off: turning it on for this run"
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" >/dev/null
  restore='psql -q -h 127.0.0.1 -U postgres -d postgres -c "ALTER SYSTEM RESET autovacuum" -c "SELECT pg_reload_conf()" >/dev/null'
fi

BOOTSTRAP="load-bootstrap-$(date +%s)-$RANDOM$RANDOM"
start=$(date +%s%N)
CONVERSA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" CONVERSA_DB_USER=postgres CONVERSA_DB_PASSWORD= \
CONVERSA_BOOTSTRAP_TOKEN="$BOOTSTRAP" CONVERSA_DEMO=false CONVERSA_PORT=$PORT CONVERSA_SECRET_KEY_FILE=/tmp/conversa-load.key \
  "$JAVA" ${SERVER_OPTS:-} $LAUNCH > /tmp/conversa-load.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; eval "$restore"' EXIT
until curl -sf "$BASE/actuator/health/readiness" >/dev/null; do sleep 0.2; done
echo "start-up to ready: $(( ($(date +%s%N) - start) / 1000000 )) ms ($(grep -o 'Started ConversaApplication in [0-9.]* seconds' /tmp/conversa-load.log))"
sleep 20
echo "idle resident memory: $(( $(ps -o rss= -p $pid) / 1024 )) MB"

# A workspace with an API inbox, as an integration would set one up.
json() { sed -n "s/.*\"$1\" *: *\"\{0,1\}\([^\",}]*\).*/\1/p"; }
TOKEN=$(curl -sf -X POST "$BASE/api/v1/workspaces" -H "Authorization: Bearer $BOOTSTRAP" -H 'Content-Type: application/json' \
  -d '{"slug":"load","name":"Load test"}' | json token)
INBOX=$(curl -sf -X POST "$BASE/api/v1/inboxes" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"load","channel":"API"}' | json id)
URL="$BASE/api/v1/inboxes/$INBOX/messages"

# Warm-up: the JIT compiler threads compete for the same cores for tens of thousands of requests; this also opens
# the conversation of every customer thread, so the measured run is the steady state: messages on open conversations.
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s scripts/load/ingest.lua "$URL" -- warm "$TOKEN" | grep -E '^answered'
sleep 5

# CPU seconds (user + system) used by the server, PostgreSQL and wrk: on a shared machine the CPU spent per message
# says more than the wall-clock rate.
cpu_of() { awk '{s += $14 + $15} END {printf "%.1f", s / '"$(getconf CLK_TCK)"'}' "$@" 2>/dev/null; }
pg_cpu() { cpu_of $(for p in $(pgrep -x postgres); do echo /proc/$p/stat; done); }
server_before=$(cpu_of /proc/$pid/stat); pg_before=$(pg_cpu)
echo "measured run: $SECONDS_MEASURED s, $CONNECTIONS connections (load average $(cut -d' ' -f1-3 /proc/loadavg))"
TIMEFORMAT='wrk CPU %U+%S s'
out=$( { time wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_MEASURED}s" -s scripts/load/ingest.lua "$URL" -- run "$TOKEN"; } 2>&1 )
echo "$out" | grep -E '^(answered|latency|answers|wrk CPU)'
sleep 5 # let the asynchronous listeners (routing, audit) finish
echo "CPU during the run: server $(echo "$(cpu_of /proc/$pid/stat) - $server_before" | bc) s, PostgreSQL $(echo "$(pg_cpu) - $pg_before" | bc) s"
answered=$(echo "$out" | sed -n 's/^answered \([0-9]*\) requests.*/\1/p')
stored=$(psql -tA -h 127.0.0.1 -U postgres -d $DB -c "SELECT COUNT(*) FROM message WHERE external_id LIKE 'run-%'")
echo "messages answered 201: $answered; stored: $stored (requests cut off by the end of the run may be stored unanswered)"

# Redelivering accepted messages must store nothing new: each answers 200 with the first message's ids.
again=0
for n in $(psql -tA -h 127.0.0.1 -U postgres -d $DB -c "SELECT external_id FROM message WHERE external_id LIKE 'run-%' ORDER BY id LIMIT 500"); do
  n=${n#run-}; c=$((n % 2000))
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"externalId\":\"run-$n\",\"threadKey\":\"t-$c\",\"from\":{\"kind\":\"TWITTER\",\"value\":\"$((100000 + c))\"},\"body\":\"again\"}")
  [ "$code" = 200 ] && again=$((again + 1))
done
echo "redelivered 500 stored messages: $again answered 200 (duplicate); stored now: $(psql -tA -h 127.0.0.1 -U postgres -d $DB -c "SELECT COUNT(*) FROM message WHERE external_id LIKE 'run-%'")"
echo "resident memory after load: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
