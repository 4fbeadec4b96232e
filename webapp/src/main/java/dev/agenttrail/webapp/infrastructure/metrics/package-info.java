/** MicroProfile Metrics of ingestion, served by Payara in Prometheus format at {@code /metrics}. */
package dev.agenttrail.webapp.infrastructure.metrics;
