/**
 * Escalation paths for state-changing actions: policies that say who approves what and by when,
 * and the cases opened for approval requests. {@link dev.agenttrail.domain.escalation.ApprovalRegistry}
 * is the port detection asks whether a state change was approved.
 */
package dev.agenttrail.domain.escalation;
