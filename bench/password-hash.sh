#!/usr/bin/env bash
# Time per Argon2id hash and verification with user-service's parameters (JMH). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh
em_find_jdk
mvn -B -q -f bench/jmh/pom.xml -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
"$JAVA_HOME/bin/java" -cp "bench/jmh/target/classes:$(cat bench/jmh/target/classpath.txt)" org.openjdk.jmh.Main \
  PasswordHashBenchmark "$@"
