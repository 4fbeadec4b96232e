/**
 * Bearer-token authentication for the REST API: ingest keys (one source, ingest only), personal API
 * tokens (the user's roles) and the optional {@code AGENTTRAIL_ADMIN_TOKEN}; and the generation and
 * hashing of those secrets. Secrets are never logged.
 */
package dev.agenttrail.webapp.infrastructure.security;
