#!/usr/bin/env bash
# Faster start-up for production: extracts the executable jar (no nested-jar class loading) and records an
# ahead-of-time cache of the classes Conversa loads and links while it starts (JDK 25+: -XX:AOTCacheOutput, JEP 514;
# JDK 21-24: a CDS archive). The training run starts the application against the database in CONVERSA_DB_URL (an
# empty H2 file when unset), stops as soon as the context is refreshed, and changes nothing but the schema.
# Usage: scripts/aot-cache.sh [destination=conversa-app/target/conversa]
# Then start with the command it prints. Rebuild the cache whenever the jar or the JDK changes.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=${1:-conversa-app/target/conversa}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=$(ls conversa-app/target/conversa-app-*-exec.jar)
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')

rm -rf "$DEST" && mkdir -p "$DEST"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DEST/app" >/dev/null
APP=$(ls "$DEST"/app/*.jar)
if [ "$version" -ge 25 ]; then record="-XX:AOTCacheOutput=$DEST/conversa.aot"; use="-XX:AOTCache=$DEST/conversa.aot"
else record="-XX:ArchiveClassesAtExit=$DEST/conversa.jsa"; use="-XX:SharedArchiveFile=$DEST/conversa.jsa"; fi
CONVERSA_DB_URL=${CONVERSA_DB_URL:-jdbc:h2:file:$PWD/$DEST/training-db} CONVERSA_DEMO=false CONVERSA_PORT=0 \
  "$JAVA" $record -Dspring.context.exit=onRefresh -jar "$APP" > "$DEST/training.log" 2>&1
rm -rf "$DEST"/training-db*
# The periodic collection lets an idle node hand unused heap back to the OS (README, "Running in production").
echo "$use -XX:G1PeriodicGCInterval=10000 -jar $APP"
