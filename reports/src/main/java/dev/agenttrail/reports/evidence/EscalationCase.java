package dev.agenttrail.reports.evidence;

import java.time.Instant;
import java.util.List;

/**
 * An escalation case of the period: who had to decide at each level, by when, and what happened.
 * {@code decidedAt}, {@code decider} and {@code decision} are null while undecided.
 */
public record EscalationCase(
    String id,
    String agentId,
    String action,
    String state,
    Instant openedAt,
    Instant decidedAt,
    String decider,
    String decision,
    List<Level> levels) {

  public EscalationCase {
    levels = List.copyOf(levels);
  }

  /** One escalation level: approvers, when it was reached and its deadline. */
  public record Level(int level, List<String> approvers, Instant reachedAt, Instant deadline) {
    public Level {
      approvers = List.copyOf(approvers);
    }
  }

  /**
   * A deadline was missed: the case moved past its first level (levels escalate when a deadline
   * passes), was decided after the deadline of its last level, or expired undecided.
   */
  public boolean deadlineBreached() {
    if (levels.size() > 1) {
      return true;
    }
    if (decidedAt == null) {
      return "expired".equalsIgnoreCase(state);
    }
    Instant deadline = levels.isEmpty() ? null : levels.get(levels.size() - 1).deadline();
    return deadline != null && decidedAt.isAfter(deadline);
  }
}
