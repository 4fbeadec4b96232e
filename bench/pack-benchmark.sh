#!/usr/bin/env bash
# Evidence-pack benchmark (figures, not assertions): see PackBenchmark.java and docs/benchmarks.md.
# Usage: [HEAP=512m] bench/pack-benchmark.sh [events, default 1000000]
# Fills an H2 file database under webapp/target/pack-bench (reused by later runs with the same count),
# builds a pack over every event with a 512 MiB heap, prints time and peak heap, verifies the ZIP.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl webapp -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
cp="webapp/target/test-classes:webapp/target/classes:reports/target/classes:domain/target/classes:framework-catalog/target/classes:$(cat webapp/target/bench.cp)"
exec java -Xmx"${HEAP:-512m}" -Duser.timezone=UTC -cp "$cp" dev.agenttrail.webapp.infrastructure.persistence.PackBenchmark "$@"
