/**
 * Persistence adapters: the datasource that chooses H2 or PostgreSQL from configuration, the Flyway
 * migration at start-up, the JDBC ledger (the ingest hot path) and the JPA repositories.
 */
package dev.agenttrail.webapp.infrastructure.persistence;
