#!/usr/bin/env bash
# Dashboard page benchmark (figures, not assertions): see PageBenchmark.java and docs/benchmarks.md.
# Usage: bench/page-benchmark.sh [--events 1000000] [--incidents 10000] [--requests 20] [--warmup 5] [--only h2|pg] [--keep true]
# Fills a fresh database (H2 under bench-data/, then a fresh PostgreSQL schema on 127.0.0.1:5432 when one
# answers, dropped afterwards; the H2 files are deleted unless --keep true), starts webapp/target/agenttrail.jar on it, signs in as admin and requests
# every dashboard page; prints p50/p95/max of the Server-Timing figure and of the client-observed time.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f webapp/target/agenttrail.jar ] || mvn -B -q -o -DskipTests package
mvn -B -q -o -pl webapp -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
cp="webapp/target/test-classes:webapp/target/classes:reports/target/classes:domain/target/classes:framework-catalog/target/classes:$(cat webapp/target/bench.cp)"
exec java -Xmx2g -Duser.timezone=UTC -cp "$cp" dev.agenttrail.webapp.bench.PageBenchmark "$@"
