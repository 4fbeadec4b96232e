package dev.agenttrail.domain.signal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What detectors remember between events. The webapp keeps it in tables, updated in the same
 * transaction as the detection cursor; {@link InMemoryDetectionState} is the reference behaviour.
 */
public interface DetectionState {

  /** The declaration of a task, from its {@code task.started} event. */
  Optional<Declaration> taskDeclaration(String agentId, String task);

  void declareTask(String agentId, String task, Declaration declaration);

  /** A workflow declaration registered for an agent (over REST), used when a task declared nothing. */
  Optional<Declaration> workflowDeclaration(String agentId, String workflow);

  /** Remembers a denial of {@code subject} (a tool or a policy) for an agent. */
  void recordDenial(String agentId, String subject, Instant at, long seq);

  /** Denials of {@code subject} for the agent at or after {@code since}, oldest first. */
  List<Denial> denialsSince(String agentId, String subject, Instant since);

  /** Forgets the agent's denials of {@code subject} (after an allow or an override). */
  void clearDenials(String agentId, String subject);

  /** A remembered denial. */
  record Denial(Instant at, long seq) {}
}
