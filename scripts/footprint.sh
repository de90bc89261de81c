#!/usr/bin/env bash
# Footprint of a production jar: its size, the time from launch to ready, and the resident memory after an idle
# spell, on the embedded H2 default (a fresh database each run, no demo workspace, Kafka off).
# Usage: scripts/footprint.sh [runs=3] [jar...]   (default jar: conversa-app/target/conversa-app-*-exec.jar)
# With several jars the runs alternate between them (A B A B ...), so a busy machine weighs on each alike.
# IDLE_SECONDS (default 20) is the wait before memory is read; PORT (default 8191) the port used.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
shift || true
JARS=("$@")
[ ${#JARS[@]} -gt 0 ] || JARS=($(ls conversa-app/target/conversa-app-*-exec.jar))
PORT=${PORT:-8191}
IDLE=${IDLE_SECONDS:-20}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
declare -A startup rss

for run in $(seq 1 "$RUNS"); do
  for jar in "${JARS[@]}"; do
    dir=$(mktemp -d)
    start=$(date +%s%N)
    abs=$(realpath "$jar")
    (cd "$dir" && CONVERSA_DEMO=false CONVERSA_PORT=$PORT CONVERSA_SECRET_KEY_FILE="$dir/key" \
      exec "$JAVA" -XX:G1PeriodicGCInterval=10000 -jar "$abs" > "$dir/log" 2>&1) &
    pid=$!
    for _ in $(seq 1 600); do
      curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null && break
      kill -0 $pid 2>/dev/null || { cat "$dir/log"; exit 1; }
      sleep 0.1
    done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    sleep "$IDLE"
    mb=$(( $(ps -o rss= -p $pid) / 1024 ))
    kill $pid; wait $pid 2>/dev/null || true
    rm -rf "$dir"
    startup[$jar]="${startup[$jar]:-} $ms"
    rss[$jar]="${rss[$jar]:-} $mb"
    echo "run $run $(basename "$jar"): ready in $ms ms, idle resident memory $mb MB (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for jar in "${JARS[@]}"; do
  echo "$jar: $(( $(stat -c %s "$jar") / 1048576 )) MB; median of $RUNS: ready in $(echo "${startup[$jar]}" | median) ms," \
       "idle resident memory $(echo "${rss[$jar]}" | median) MB"
done
