#!/usr/bin/env bash
# Events per second through the event backbone — outbox row committed with its state change, relay publishing
# with publisher confirms, RabbitMQ, consumer committing its effect and the handled id — and the delay from the
# writer's commit to the effect's commit (p50/p95/p99/max). Runs platform-events' sample service in one JVM on
# the machine's PostgreSQL and RabbitMQ, in a database and vhost of its own that it drops at the end: first
# writers as fast as they go, then a fixed offered rate. Not part of CI.
# Usage: bench/event-backbone.sh [seconds per run, default 20] [offered events/s, default 2000] [writers, 4]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
rate="${2:-2000}"
writers="${3:-4}"
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh
em_find_jdk || exit 1
mvn -B -q install -DskipTests -pl platform-core,platform,platform-test,platform-events -am
mvn -B -q -pl platform-events test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cp="platform-events/target/test-classes:platform-events/target/classes:$(cat platform-events/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -XX:+UseG1GC -Xmx1g -Dseconds="$seconds" -Drate="$rate" -Dwriters="$writers" \
  -cp "$cp" com.emporium.platform.events.bench.EventBackboneBench
