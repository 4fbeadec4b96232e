/**
 * Incidents: what detection opens when a signal fires, and their lifecycle (open, acknowledged,
 * resolved, false positive, risk accepted) with the rules of who may move them where and why.
 */
package dev.agenttrail.domain.incident;
