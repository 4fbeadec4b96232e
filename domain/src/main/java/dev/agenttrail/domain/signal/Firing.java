package dev.agenttrail.domain.signal;

import java.util.List;

/**
 * One firing of a signal: for which agent and task, on which evidence (ledger {@code seq}s), how
 * severe, and why, in words an analyst reads without the rule book.
 */
public record Firing(String signal, String agentId, String task, List<Long> evidence, Severity severity, String explanation) {

  public Firing {
    evidence = List.copyOf(evidence);
  }
}
