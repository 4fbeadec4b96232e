/**
 * Configuration: the {@code AGENTTRAIL_*} settings read from system properties or environment
 * variables (the README's configuration table), the limits of the ingest API, and the clock.
 */
package dev.agenttrail.webapp.infrastructure.config;
