package dev.agenttrail.webapp.infrastructure.persistence;

import dev.agenttrail.domain.escalation.ApprovalRegistry;
import dev.agenttrail.domain.escalation.EscalationCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Detection's view of escalation cases: {@code approvalId} is AgentTrail's case id, or the
 * enforcement point's own approval id within {@code source}.
 */
@ApplicationScoped
public class JdbcApprovalRegistry implements ApprovalRegistry {

  @Inject
  JdbcEscalationCases cases;

  /** For tests outside the container. */
  public static JdbcApprovalRegistry over(JdbcEscalationCases cases) {
    JdbcApprovalRegistry registry = new JdbcApprovalRegistry();
    registry.cases = cases;
    return registry;
  }

  @Override
  public Optional<ApprovalStatus> approval(String source, String approvalId) {
    if (approvalId == null || approvalId.isBlank()) {
      return Optional.empty();
    }
    Optional<EscalationCase> found = cases.find(approvalId, false);
    if (found.isEmpty() && source != null) {
      found = cases.findByApproval(source, approvalId);
    }
    return found.map(c -> new ApprovalStatus(c.id(), c.state().wireName(), c.approved(), c.decidedAt()));
  }
}
