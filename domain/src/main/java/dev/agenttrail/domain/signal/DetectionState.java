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

  /** The first ledger entry at which each agent used a credential, by agent id. */
  java.util.Map<String, Long> credentialUsers(String credentialId);

  void recordCredentialUser(String credentialId, String agentId, long seq);

  /** What is known of a credential from its {@code credential.issued}. */
  Optional<Credential> credential(String credentialId);

  void recordCredential(Credential credential);

  /** When the agent's task completed, if it did. */
  Optional<Instant> taskCompleted(String agentId, String task);

  void recordTaskCompleted(String agentId, String task, Instant at);

  /** A credential as issued: to whom, for which task, until when. */
  record Credential(String id, String agentId, String task, Instant issuedAt, Instant expiresAt, long seq) {}

  /** A remembered denial. */
  record Denial(Instant at, long seq) {}
}
