package dev.agenttrail.domain.escalation;

import java.time.Instant;

/**
 * What an enforcement point asked approval for, taken from its {@code approval.requested} event
 * (or its decision with outcome {@code require_approval}).
 *
 * @param approvalId the enforcement point's own approval id ({@code approval.id}, else
 *     {@code action.approvalId}); may be null
 * @param requester who raised the request ({@code agent.onBehalfOf}, else the agent): never its approver
 * @param classification the wire name of {@code data.classification}, or null
 */
public record ApprovalRequest(
    String source,
    String approvalId,
    String eventId,
    long eventSeq,
    String agentId,
    String requester,
    String tool,
    String operation,
    String resource,
    String classification,
    Instant occurredAt) {

  public ApprovalRequest {
    if (source == null || eventId == null || agentId == null) {
      throw new IllegalArgumentException("an approval request needs its source, event id and agent");
    }
    if (requester == null || requester.isBlank()) {
      requester = agentId;
    }
  }
}
