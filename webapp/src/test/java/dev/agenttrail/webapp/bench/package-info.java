/**
 * The dashboard page benchmark ({@code bench/page-benchmark.sh}) and the plain-HTTP dashboard
 * session it signs in and requests pages with, which the integration tests use too. Figures, not
 * assertions: see {@code docs/benchmarks.md}.
 */
package dev.agenttrail.webapp.bench;
