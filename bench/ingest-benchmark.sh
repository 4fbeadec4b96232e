#!/usr/bin/env bash
# Ingest benchmark (figures, not assertions): see IngestBenchmark.java and docs/benchmarks.md.
# Usage: bench/ingest-benchmark.sh [--events 200000] [--batch 500] [--clients 4] [--only h2|postgresql]
#        [--warmup 20000] [--jit-settled 10] [--repeat 3] [--detection no-wait] [--occurred in-order|hour-cycle]
#        [--ids sequential|random]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f webapp/target/agenttrail.jar ] || mvn -B -q -o -DskipTests package
mvn -B -q -o -pl webapp -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
cp="webapp/target/test-classes:webapp/target/classes:reports/target/classes:domain/target/classes:framework-catalog/target/classes:$(cat webapp/target/bench.cp)"
exec java -Xmx2g -cp "$cp" dev.agenttrail.webapp.bench.IngestBenchmark "$@"
