/**
 * Enforcement and audit events as the public contract ({@code event-v1}) defines them, and the
 * tamper-evident ledger that stores them: validation with a JSON pointer per problem, the canonical
 * form (RFC 8785) that is hashed, and the hash chain itself. Nothing here touches a database; the
 * webapp's ledger adapter appends and reads rows.
 */
package dev.agenttrail.domain.event;
