#!/usr/bin/env bash
# Ingestion load harness on PostgreSQL: starts Conversa from the built jar, measures start-up time and idle
# memory, then posts inbound messages through the REST API (dev.conversa.benchmarks.load.IngestLoad).
# Usage: scripts/load-test.sh [messages] [concurrency]      (needs a local PostgreSQL and a JDK >= 21 in JAVA_HOME)
# SKIP_BUILD=1 uses the jars already built; AOT=0 starts the plain jar; SERVER_OPTS passes JVM options to the server (e.g. -Xmx512m).
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-20000}
CONCURRENCY=${2:-32}
PORT=${PORT:-8181}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
DB=conversa_load

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -pl conversa-app,conversa-benchmarks -am package -DskipTests
# The server starts as README's "Running in production" says: extracted jar and AOT cache (AOT=0: the plain jar).
if [ "${AOT:-1}" = 1 ]; then LAUNCH=$(scripts/aot-cache.sh); else LAUNCH="-jar $(ls conversa-app/target/conversa-app-*-exec.jar)"; fi
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

TOKEN="load-bootstrap-$(date +%s)-$RANDOM$RANDOM"
start=$(date +%s%N)
CONVERSA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" CONVERSA_DB_USER=postgres CONVERSA_DB_PASSWORD= \
CONVERSA_BOOTSTRAP_TOKEN="$TOKEN" CONVERSA_DEMO=false CONVERSA_PORT=$PORT CONVERSA_SECRET_KEY_FILE=/tmp/conversa-load.key \
  "$JAVA" ${SERVER_OPTS:-} $LAUNCH > /tmp/conversa-load.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; eval "$restore"' EXIT
until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null; do sleep 0.2; done
echo "start-up to ready: $(( ($(date +%s%N) - start) / 1000000 )) ms ($(grep -o 'Started ConversaApplication in [0-9.]* seconds' /tmp/conversa-load.log))"
sleep 20
echo "idle resident memory: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
# CPU seconds (user + system) used so far by the server and by all PostgreSQL processes: on a shared machine the
# CPU spent per message says more than the wall-clock rate.
cpu_of() { awk '{s += $14 + $15} END {printf "%.1f", s / '"$(getconf CLK_TCK)"'}' "$@" 2>/dev/null; }
pg_cpu() { cpu_of $(for p in $(pgrep -x postgres); do echo /proc/$p/stat; done); }
server_before=$(cpu_of /proc/$pid/stat); pg_before=$(pg_cpu)
"$JAVA" -cp conversa-benchmarks/target/benchmarks.jar dev.conversa.benchmarks.load.IngestLoad \
  "http://localhost:$PORT" "$TOKEN" "$MESSAGES" "$CONCURRENCY"
sleep 5 # let the asynchronous listeners (analysis, SLA, automation) finish
echo "CPU during the run: server $(echo "$(cpu_of /proc/$pid/stat) - $server_before" | bc) s, PostgreSQL $(echo "$(pg_cpu) - $pg_before" | bc) s"
echo "messages stored in PostgreSQL: $(psql -tA -h 127.0.0.1 -U postgres -d $DB -c 'SELECT COUNT(*) FROM message')"
echo "resident memory after load: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
