#!/usr/bin/env bash
# Ingest benchmark (figures, not assertions): see bench/IngestBenchmark.java and docs/benchmarks.md.
# Usage: bench/ingest-benchmark.sh [--events 200000] [--batch 500] [--clients 4] [--only h2|postgresql]
#        [--warmup 20000] [--jit-settled 10] [--repeat 3] [--detection no-wait]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f webapp/target/agenttrail.jar ] || mvn -B -q -DskipTests package
lib=webapp/target/agenttrail/WEB-INF/lib
cp="$(ls $lib/h2-*.jar):$(ls $lib/postgresql-*.jar)"
exec java -Xmx2g -cp "$cp" bench/IngestBenchmark.java "$@"
