#!/usr/bin/env bash
# A real local cluster: one Apache Kafka broker in KRaft mode (jars from Maven Central, no Docker image) and N Conversa
# nodes on one local PostgreSQL database, each on its own port.
#   scripts/cluster.sh up [N=2]   start (builds the jar when missing; SKIP_BUILD=1 never builds)
#   scripts/cluster.sh status     each node's health and cluster role (/actuator/info: node id, partitions, lag)
#   scripts/cluster.sh down       stop the nodes and the broker (the database and Kafka's data stay, in target/cluster)
#   scripts/cluster.sh clean      down, then drop the database and the broker's data
# Settings: CLUSTER_DB (conversa_cluster), FIRST_PORT (8081), KAFKA_PORT (9092), ADMIN_PASSWORD (conversa-cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=target/cluster
DB=${CLUSTER_DB:-conversa_cluster}
FIRST_PORT=${FIRST_PORT:-8081}
KAFKA_PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=$((KAFKA_PORT + 1))
ADMIN_PASSWORD=${ADMIN_PASSWORD:-conversa-cluster}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$DIR"

wait_for() { # url seconds what
  for _ in $(seq 1 $(($2 * 5))); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "$3 did not become ready in $2 s; see its log in $DIR" >&2; return 1
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

kafka_up() {
  if [ -f "$DIR/kafka.pid" ] && kill -0 "$(cat "$DIR/kafka.pid")" 2>/dev/null; then echo "Kafka already running"; return; fi
  if [ ! -s "$DIR/kafka.classpath" ]; then
    ./mvnw -q -f scripts/cluster/kafka-broker.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$DIR/kafka.classpath"
  fi
  local cp; cp=$(cat "$DIR/kafka.classpath")
  cat > "$DIR/kafka.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$KAFKA_PORT,CONTROLLER://localhost:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$PWD/$DIR/kafka-data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  if [ ! -f "$DIR/kafka-data/meta.properties" ]; then
    "$JAVA" -cp "$cp" kafka.tools.StorageTool format -t "$("$JAVA" -cp "$cp" kafka.tools.StorageTool random-uuid)" \
      -c "$DIR/kafka.properties" > "$DIR/kafka-format.log" 2>&1
  fi
  nohup "$JAVA" -Xmx512m -cp "$cp" kafka.Kafka "$DIR/kafka.properties" > "$DIR/kafka.log" 2>&1 &
  echo $! > "$DIR/kafka.pid"
  for _ in $(seq 1 150); do port_open "$KAFKA_PORT" && break; sleep 0.2; done
  port_open "$KAFKA_PORT" || { echo "Kafka did not start; see $DIR/kafka.log" >&2; exit 1; }
  echo "Kafka (KRaft) on localhost:$KAFKA_PORT, pid $(cat "$DIR/kafka.pid")"
}

node_up() { # index
  local i=$1 port=$((FIRST_PORT + $1 - 1)) jar
  if [ -f "$DIR/node-$i.pid" ] && kill -0 "$(cat "$DIR/node-$i.pid")" 2>/dev/null; then echo "node-$i already running"; return; fi
  jar=$(ls conversa-app/target/conversa-app-*-exec.jar)
  # Every node shares the database, the secret key that seals inbox secrets and the broker; only node 1 creates
  # the demo workspace, before the others start.
  CONVERSA_PORT=$port CONVERSA_NODE_ID="node-$i" CONVERSA_BASE_URL="http://localhost:$port" \
  CONVERSA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" CONVERSA_DB_USER=postgres CONVERSA_DB_PASSWORD= \
  CONVERSA_KAFKA_ENABLED=true CONVERSA_KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" \
  CONVERSA_SECRET_KEY_FILE="$PWD/$DIR/secret.key" CONVERSA_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  CONVERSA_DEMO=$([ "$i" = 1 ] && echo true || echo false) \
    nohup "$JAVA" ${NODE_OPTS:-} -jar "$jar" > "$DIR/node-$i.log" 2>&1 &
  echo $! > "$DIR/node-$i.pid"
  wait_for "http://localhost:$port/actuator/health/readiness" 180 "node-$i"
  echo "node-$i: http://localhost:$port (pid $(cat "$DIR/node-$i.pid"), log $DIR/node-$i.log)"
}

stop_pid() { # file
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  if kill "$pid" 2>/dev/null; then for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done; fi
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$1"
}

case "${1:-}" in
  up)
    n=${2:-2}
    [ -n "${SKIP_BUILD:-}" ] || ls conversa-app/target/conversa-app-*-exec.jar >/dev/null 2>&1 \
      || ./mvnw -q -pl conversa-app -am package -DskipTests
    psql -qtA -h 127.0.0.1 -U postgres -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
      || psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $DB"
    kafka_up
    for i in $(seq 1 "$n"); do node_up "$i"; done
    echo "Sign in on any node as admin@conversa.local / $ADMIN_PASSWORD (demo workspace: see the README)."
    ;;
  status)
    for f in "$DIR"/node-*.pid; do
      [ -f "$f" ] || continue
      i=$(basename "$f" .pid); i=${i#node-}; port=$((FIRST_PORT + i - 1))
      printf 'node-%s http://localhost:%s %s %s\n' "$i" "$port" "$(curl -s "http://localhost:$port/actuator/health" || echo down)" \
        "$(curl -s "http://localhost:$port/actuator/info" || true)"
    done
    ;;
  down)
    for f in "$DIR"/node-*.pid; do stop_pid "$f"; done
    stop_pid "$DIR/kafka.pid"
    echo "stopped"
    ;;
  clean)
    "$0" down
    rm -rf "$DIR/kafka-data" "$DIR/secret.key"
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
    ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
