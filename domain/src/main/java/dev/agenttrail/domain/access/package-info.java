/**
 * Who may talk to AgentTrail: enforcement points ({@link dev.agenttrail.domain.access.Source}) with
 * their ingest keys, and users with roles and personal API tokens. Secrets are never stored: only
 * their SHA-256 (keys and tokens, which are long random strings) or a slow password hash.
 */
package dev.agenttrail.domain.access;
