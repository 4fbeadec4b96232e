package dev.agenttrail.domain.escalation;

import java.time.Instant;
import java.util.Optional;

/**
 * What detection asks of escalations: the state of the approval an action relies on
 * ({@code action.approvalId}), found by AgentTrail's case id or by the enforcement point's own
 * approval id within its source.
 */
public interface ApprovalRegistry {

  /** The case for {@code approvalId} (case id, or the source's own approval id), if there is one. */
  Optional<ApprovalStatus> approval(String source, String approvalId);

  /**
   * An escalation case as detection sees it.
   *
   * @param state one of API.md's case states: open, acknowledged, approved, rejected, expired,
   *     escalated, closed
   * @param approved whether the case ended in an approval (a closed case may have been approved)
   * @param decidedAt when the case was approved, rejected or expired; null while pending
   */
  record ApprovalStatus(String caseId, String state, boolean approved, Instant decidedAt) {}
}
