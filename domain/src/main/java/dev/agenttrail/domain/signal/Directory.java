package dev.agenttrail.domain.signal;

import dev.agenttrail.domain.escalation.ApprovalRegistry.ApprovalStatus;
import java.util.Optional;

/** What detection looks up outside the event stream: registered declarations, approvals, sources. */
public interface Directory {

  Optional<Declaration> workflow(String agentId, String workflow);

  /** The escalation case behind an approval id (AgentTrail's case id, or the source's own id). */
  Optional<ApprovalStatus> approval(String source, String approvalId);

  /** The mode a source was registered with. */
  Optional<String> sourceMode(String source);
}
