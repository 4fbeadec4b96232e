package dev.agenttrail.domain.escalation;

import java.time.Duration;
import java.util.List;

/** One level of a policy: who may decide and how long they have from the moment the level starts. */
public record EscalationLevel(List<Approver> approvers, Duration deadline) {

  public EscalationLevel {
    if (approvers == null || approvers.isEmpty()) {
      throw new IllegalArgumentException("a level needs at least one approver");
    }
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("a level's deadline must be a positive ISO 8601 duration such as PT15M");
    }
    approvers = List.copyOf(approvers);
  }

  public boolean admits(Decider decider) {
    return approvers.stream().anyMatch(a -> a.admits(decider));
  }
}
